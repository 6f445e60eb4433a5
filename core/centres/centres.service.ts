import { fail } from '../../shared/api/errors.js';
import { centresTable, type Centre } from '../../shared/records/centres.js';
import { loadCentre } from '../auth/auth.service.js';
import { requireUser } from '../context.js';
import type { HandlerGroup } from '../host/handler-types.js';

export const centreHandlers: HandlerGroup<'centre.get' | 'centre.update'> = {
  'centre.get': (ctx) => {
    const centre = loadCentre(ctx);
    if (!centre) throw fail.notFound('centre', ctx.centreId ?? '(not set up)');
    return centre;
  },
  'centre.update': (ctx, input) => {
    const me = requireUser(ctx);
    const centre = loadCentre(ctx);
    if (!centre) throw fail.notFound('centre', ctx.centreId ?? '(not set up)');
    return ctx.rows.update<Centre>(centresTable, centre.id, input, { userId: me.id })!;
  },
};
