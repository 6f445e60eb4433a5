import type { ApiFailure } from '../../../shared/api/errors.js';
import type { Conflict } from './TraineeFields.js';

/** The duplicate a failed save ran into, with the form field it is about; null otherwise. */
export function conflictOf(failure: ApiFailure, pathPrefix: readonly string[]): Conflict | null {
  const error = failure.error;
  if (error.code !== 'conflict' || !error.existing || !error.field) return null;
  const path = error.field.split('.');
  const field = pathPrefix.every((p, i) => path[i] === p) ? path.slice(pathPrefix.length).join('.') : error.field;
  return { field, id: error.existing.id, label: error.existing.label };
}
