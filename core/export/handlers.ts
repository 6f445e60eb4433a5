/** `export.list` and `files.download` (shared/api/export.ts, files.ts). */
import type { HandlerGroup } from '../host/handler-types.js';
import { downloadChunk } from './downloads.js';
import { exportList, type ListCall } from './export.service.js';

/** `listCall` runs another call's handler: core/host/handlers.ts passes its own map in. */
export function exportHandlers(listCall: ListCall): HandlerGroup<'export.list' | 'files.download'> {
  return {
    'export.list': (ctx, input) => exportList(ctx, input, listCall),
    'files.download': (ctx, input) => downloadChunk(ctx, input),
  };
}
