import type { HandlerGroup } from '../host/handler-types.js';
import { crudHandlers } from '../records/crud.js';
import { actionItems, recordSession, sessionHours, sessions } from './sessions.service.js';

type SessionMethods =
  `${'sessions' | 'actionItems'}.${'create' | 'update' | 'delete' | 'get' | 'list'}` | 'sessions.record' | 'sessions.hours';

export const sessionHandlers: HandlerGroup<SessionMethods> = {
  ...crudHandlers('sessions', sessions),
  ...crudHandlers('actionItems', actionItems),
  'sessions.record': (ctx, input) => recordSession(ctx, input),
  'sessions.hours': (ctx, input) => sessionHours(ctx, input),
};
