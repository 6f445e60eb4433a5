/**
 * A report call's failure as the screen should word it. Core answers `unavailable` with a
 * sentence of its own when the national report's server cannot be reached (offline, not
 * joined, …); the app's generic wording of `unavailable` is about losing core itself, which is
 * true only while the connection to core is down.
 */
import { useCallback } from 'react';
import { ApiFailure } from '../../../shared/api/errors.js';
import { useConnectionState } from '../../api/ApiProvider.js';
import { asApiFailure } from '../../api/errors.js';

export function useReportError(): (error: unknown) => unknown {
  const connection = useConnectionState();
  const coreReachable = connection.kind === 'open';
  return useCallback(
    (error: unknown) => {
      const failure = asApiFailure(error);
      if (failure.error.code !== 'unavailable' || !coreReachable) return error;
      return new ApiFailure({ code: 'internal', message: failure.error.message });
    },
    [coreReachable],
  );
}
