import type { HandlerGroup } from '../host/handler-types.js';
import { crudHandlers } from '../records/crud.js';
import { assignments, endAssignment, mentors } from './mentors.service.js';

type MentorMethods = `${'mentors' | 'assignments'}.${'create' | 'update' | 'delete' | 'get' | 'list'}` | 'assignments.end';

export const mentorHandlers: HandlerGroup<MentorMethods> = {
  ...crudHandlers('mentors', mentors),
  ...crudHandlers('assignments', assignments),
  'assignments.end': (ctx, input) => endAssignment(ctx, input),
};
