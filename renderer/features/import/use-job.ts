/** A job run from the wizard: its progress, and a Cancel that asks core to stop it. */
import { useCallback, useRef, useState } from 'react';
import type { JobProgress } from '../../../shared/api/client.js';
import type { InputOf, Method, OutputOf } from '../../../shared/api/index.js';
import { useApiClient } from '../../api/ApiProvider.js';

export function useJob() {
  const client = useApiClient();
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [running, setRunning] = useState(false);
  const jobId = useRef<string | null>(null);

  const run = useCallback(
    async <M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
      setRunning(true);
      setProgress(null);
      try {
        return await client.runJob(method, input, {
          onProgress: setProgress,
          onStarted: (id) => (jobId.current = id),
        });
      } finally {
        jobId.current = null;
        setRunning(false);
      }
    },
    [client],
  );

  const cancel = useCallback(() => {
    if (jobId.current) void client.call('jobs.cancel', { jobId: jobId.current }).catch(() => undefined);
  }, [client]);

  return { run, cancel, progress, running };
}
