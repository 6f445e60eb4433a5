import type { HandlerGroup } from '../host/handler-types.js';
import { crudHandlers } from '../records/crud.js';
import { enrolments } from './enrolments.service.js';
import { certifications, placements } from './outcomes.service.js';
import { trainees } from './trainees.service.js';
import { mergeTrainees } from './merge.service.js';

type TraineeMethods =
  | `${'trainees' | 'enrolments' | 'certifications' | 'placements'}.${'create' | 'update' | 'delete' | 'get' | 'list'}`
  | 'trainees.merge';

export const traineeHandlers: HandlerGroup<TraineeMethods> = {
  ...crudHandlers('trainees', trainees),
  ...crudHandlers('enrolments', enrolments),
  ...crudHandlers('certifications', certifications),
  ...crudHandlers('placements', placements),
  'trainees.merge': (ctx, input) => mergeTrainees(ctx, input),
};
