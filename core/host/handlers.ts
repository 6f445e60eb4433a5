/**
 * Every API method's implementation, gathered from the domain folders. Typed as the full
 * `Handlers` map, so a method declared in shared/api without an implementation does not
 * compile.
 */
import { authHandlers } from '../auth/auth.service.js';
import { centreHandlers } from '../centres/centres.service.js';
import { startupHandlers } from '../startups/handlers.js';
import { usersHandlers } from '../users/users.service.js';
import { commonHandlers } from '../common/handlers.js';
import { dashboardHandlers } from '../dashboard/handlers.js';
import { mentorHandlers } from '../mentors/handlers.js';
import { programmeHandlers } from '../programmes/handlers.js';
import { sessionHandlers } from '../sessions/handlers.js';
import { syncHandlers } from '../sync/handlers.js';
import { traineeHandlers } from '../trainees/handlers.js';
import { importHandlers } from '../import/handlers.js';
import { exportHandlers } from '../export/handlers.js';
import { reportHandlers } from '../reports/handlers.js';
import type { Handler, Handlers } from './handler-types.js';
import type { Method } from '../../shared/api/index.js';

export const handlers: Partial<Handlers> = {
  ...authHandlers,
  ...usersHandlers,
  ...centreHandlers,
  ...startupHandlers,
  ...programmeHandlers,
  ...mentorHandlers,
  ...sessionHandlers,
  ...traineeHandlers,
  ...commonHandlers,
  ...dashboardHandlers,
  ...syncHandlers,
  ...importHandlers,
  ...reportHandlers,
  // An export pages through a list with that list's own handler.
  ...exportHandlers((ctx, method, input) => {
    const list = handlers[method] as Handler<Method>;
    return list(ctx, input as never, null as never) as never;
  }),
};
