import type { Handlers } from '../host/handler-types.js';

// Filled in by the programmes domain.
export const programmeHandlers: Partial<Handlers> = {};
