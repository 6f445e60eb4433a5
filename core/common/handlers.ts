import type { Handlers } from '../host/handler-types.js';

// Filled in by the common domain.
export const commonHandlers: Partial<Handlers> = {};
