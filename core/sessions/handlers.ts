import type { Handlers } from '../host/handler-types.js';

// Filled in by the sessions domain.
export const sessionHandlers: Partial<Handlers> = {};
