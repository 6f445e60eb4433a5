import type { HandlerGroup } from '../host/handler-types.js';
import { crudHandlers } from '../records/crud.js';
import { cohorts, programmes } from './programmes.service.js';

type ProgrammeMethods = `${'programmes' | 'cohorts'}.${'create' | 'update' | 'delete' | 'get' | 'list'}`;

export const programmeHandlers: HandlerGroup<ProgrammeMethods> = {
  ...crudHandlers('programmes', programmes),
  ...crudHandlers('cohorts', cohorts),
};
