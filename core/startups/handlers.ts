import type { HandlerGroup } from '../host/handler-types.js';
import { crudHandlers } from '../records/crud.js';
import { deleteMetrics, metrics, saveMetrics, setLocked } from './metrics.service.js';
import { founders, milestones, stageHistory, startups } from './startups.service.js';

type StartupMethods =
  | `${'startups' | 'founders' | 'milestones'}.${'create' | 'update' | 'delete' | 'get' | 'list'}`
  | 'startups.stageHistory'
  | `metrics.${'list' | 'save' | 'lock' | 'unlock' | 'delete'}`;

export const startupHandlers: HandlerGroup<StartupMethods> = {
  ...crudHandlers('startups', startups),
  ...crudHandlers('founders', founders),
  ...crudHandlers('milestones', milestones),
  'startups.stageHistory': (ctx, input) => stageHistory(ctx, input.startupId),
  'metrics.list': (ctx, input) => metrics.list(ctx, input),
  'metrics.save': (ctx, input) => saveMetrics(ctx, input),
  'metrics.lock': (ctx, input) => setLocked(ctx, input.startupId, input.quarter, true),
  'metrics.unlock': (ctx, input) => setLocked(ctx, input.startupId, input.quarter, false),
  'metrics.delete': (ctx, input) => deleteMetrics(ctx, input.id),
};
