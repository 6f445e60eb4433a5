import type { Handlers } from '../host/handler-types.js';

// Filled in by the trainees domain.
export const traineeHandlers: Partial<Handlers> = {};
