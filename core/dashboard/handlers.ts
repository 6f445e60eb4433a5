import type { HandlerGroup } from '../host/handler-types.js';
import { dashboardSummary } from './dashboard.service.js';
import { systemInfo } from './system.service.js';

export const dashboardHandlers: HandlerGroup<'dashboard.summary' | 'system.info'> = {
  'dashboard.summary': (ctx, input) => dashboardSummary(ctx, input),
  'system.info': (ctx) => systemInfo(ctx),
};
