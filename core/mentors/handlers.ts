import type { Handlers } from '../host/handler-types.js';

// Filled in by the mentors domain.
export const mentorHandlers: Partial<Handlers> = {};
