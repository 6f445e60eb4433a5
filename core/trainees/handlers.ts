import type { HandlerGroup } from '../host/handler-types.js';
import { crudHandlers } from '../records/crud.js';
import { enrolments } from './enrolments.service.js';
import { certifications, placements } from './outcomes.service.js';
import { trainees } from './trainees.service.js';

type TraineeMethods =
  `${'trainees' | 'enrolments' | 'certifications' | 'placements'}.${'create' | 'update' | 'delete' | 'get' | 'list'}`;

export const traineeHandlers: HandlerGroup<TraineeMethods> = {
  ...crudHandlers('trainees', trainees),
  ...crudHandlers('enrolments', enrolments),
  ...crudHandlers('certifications', certifications),
  ...crudHandlers('placements', placements),
};
