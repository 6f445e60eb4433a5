/**
 * Building blocks of the API contract. Every call is declared once with its input schema,
 * its output schema and the permission it needs; the core router, the preload bridge and
 * the renderer client are all typed from these declarations.
 */
import { z } from 'zod';
import type { Access } from '../auth/permissions.js';
import { ById, Id, pageOf } from '../records/base.js';

export interface CallDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  permission: Access;
  /** A long job: the call answers `{ jobId }` at once; progress and the result come as events. */
  job?: boolean;
}

export function call<I extends z.ZodType, O extends z.ZodType>(def: CallDef<I, O>): CallDef<I, O> {
  return def;
}

export const JobStarted = z.object({ jobId: z.string() });

/** A long job's declaration: `output` is the final result delivered by the `job.done` event. */
export function job<I extends z.ZodType, O extends z.ZodType>(def: Omit<CallDef<I, O>, 'job'>): CallDef<I, O> {
  return { ...def, job: true };
}

const Deleted = z.object({ id: Id, deleted: z.literal(true) });

/** The parts of a table declaration the CRUD calls need. */
type CrudTable = { createInput: z.ZodType; patchInput: z.ZodType; record: z.ZodType };

type CrudCalls<P extends string, T extends CrudTable, L extends z.ZodType, O extends z.ZodType> = {
  [K in `${P}.create`]: CallDef<T['createInput'], O>;
} & { [K in `${P}.update`]: CallDef<T['patchInput'], O> } & { [K in `${P}.delete`]: CallDef<typeof ById, typeof Deleted> } & {
  [K in `${P}.get`]: CallDef<typeof ById, O>;
} & { [K in `${P}.list`]: CallDef<L, ReturnType<typeof pageOf<O>>> };

/**
 * The five calls every record type has: create, update (a patch of fields), delete (a
 * tombstone), get and list (filters, sort, paging). `output` defaults to the table record.
 */
export function crudCalls<P extends string, T extends CrudTable, L extends z.ZodType, O extends z.ZodType = T['record']>(
  prefix: P,
  table: T,
  opts: { list: L; read: Access; write: Access; output?: O },
): CrudCalls<P, T, L, O> {
  const output = (opts.output ?? table.record) as O;
  return {
    [`${prefix}.create`]: call({ input: table.createInput, output, permission: opts.write }),
    [`${prefix}.update`]: call({ input: table.patchInput, output, permission: opts.write }),
    [`${prefix}.delete`]: call({ input: ById, output: Deleted, permission: opts.write }),
    [`${prefix}.get`]: call({ input: ById, output, permission: opts.read }),
    [`${prefix}.list`]: call({ input: opts.list, output: pageOf(output), permission: opts.read }),
  } as CrudCalls<P, T, L, O>;
}
