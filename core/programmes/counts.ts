/**
 * Lists and details of programmes and cohorts carry counts of what hangs off them. The counts
 * for a whole page come from one grouped query over the page's ids (passed as one JSON array
 * parameter, so the statement text, and its cached plan, is the same for every page size).
 */
import type { Page } from '../../shared/records/base.js';
import type { Ctx } from '../context.js';
import type { CrudService, ListQuery } from '../records/crud.js';

type Row = Record<string, unknown> & { id: string; centreId: string | null; deleted: boolean };

/** Counts per row id; ids missing from the map have zero of everything. */
export type CountsOf<C> = (ctx: Ctx, ids: string[]) => Map<string, C>;

/**
 * The crud service with counts added to every row it returns. Writes and reads are the crud
 * mechanism's own; only the presentation grows.
 */
export function withCounts<R extends Row, C extends Record<string, number>>(
  service: CrudService<R>,
  countsOf: CountsOf<C>,
  zero: C,
): CrudService<R & C> {
  const one = (ctx: Ctx, row: R): R & C => ({ ...row, ...(countsOf(ctx, [row.id]).get(row.id) ?? zero) });
  return {
    create: (ctx, input) => one(ctx, service.create(ctx, input)),
    update: (ctx, input) => one(ctx, service.update(ctx, input)),
    remove: (ctx, input) => service.remove(ctx, input),
    get: (ctx, input) => one(ctx, service.get(ctx, input)),
    load: (ctx, id) => one(ctx, service.load(ctx, id)),
    label: (row) => service.label(row),
    list(ctx: Ctx, query: ListQuery): Page<R & C> {
      const page = service.list(ctx, query);
      const counts =
        page.items.length > 0
          ? countsOf(
              ctx,
              page.items.map((r) => r.id),
            )
          : new Map<string, C>();
      return { ...page, items: page.items.map((row) => ({ ...row, ...(counts.get(row.id) ?? zero) })) };
    },
  };
}
