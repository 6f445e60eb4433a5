/** The import calls (shared/api/import.ts) and `files.upload` (shared/api/files.ts). */
import type { HandlerGroup, JobRunner } from '../host/handler-types.js';
import type { Ctx } from '../context.js';
import type { ProgressReport } from '../host/handler-types.js';
import { requirePermission } from '../context.js';
import { analyseImport } from './analyse.js';
import { commitImport } from './commit.js';
import { inspectFile } from './inspect.js';
import { deleteMapping, listMappings, saveMapping } from './mappings.service.js';
import { receiveChunk } from './uploads.js';

type ImportMethods =
  | 'import.inspect'
  | 'import.analyse'
  | 'import.commit'
  | 'import.mappings.list'
  | 'import.mappings.save'
  | 'import.mappings.delete'
  | 'files.upload';

/**
 * A job whose work starts when the job manager runs it, outside the router's transaction.
 * The permission of the kind imported is checked at once, so a refusal answers the call.
 */
function importJob<T, I extends { kind?: string }>(
  ctx: Ctx,
  input: I,
  work: (ctx: Ctx, input: I, report: ProgressReport, signal: AbortSignal) => Promise<T>,
): JobRunner<T> {
  requirePermission(ctx, 'import.run');
  return { run: (report, signal) => work(ctx, input, report, signal) };
}

export const importHandlers: HandlerGroup<ImportMethods> = {
  'import.inspect': (ctx, input) => importJob(ctx, input, inspectFile),
  'import.analyse': (ctx, input) => importJob(ctx, input, analyseImport),
  'import.commit': (ctx, input) => importJob(ctx, input, commitImport),
  'import.mappings.list': (ctx, input) => listMappings(ctx, input.kind),
  'import.mappings.save': (ctx, input) => saveMapping(ctx, input),
  'import.mappings.delete': (ctx, input) => deleteMapping(ctx, input.id),
  'files.upload': (ctx, input) => receiveChunk(ctx, input),
};
