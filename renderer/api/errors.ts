/**
 * Everything a call can fail with is an ApiFailure (shared/api/errors.ts); anything else
 * that escapes (a bug) is wrapped as 'internal' so that screens handle one error type.
 */
import { ApiFailure, type ApiError } from '../../shared/api/errors.js';

export function asApiFailure(error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiFailure({ code: 'internal', message });
}

export function errorCode(error: unknown): ApiError['code'] {
  return asApiFailure(error).error.code;
}

/** Errors a retry cannot fix: the input, the permission or the record is the problem. */
export function isFinalError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== 'unavailable' && code !== 'internal';
}
