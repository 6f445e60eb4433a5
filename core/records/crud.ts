/**
 * The shared mechanism behind every record type's create / update / delete / get / list.
 * A domain module declares what is particular to it (references, uniqueness, filters,
 * domain rules, presentation) and gets the five operations; the router wires them to
 * the API calls declared in shared/api.
 */
import { fail } from '../../shared/api/errors.js';
import type { Page } from '../../shared/records/base.js';
import type { StoredTable } from '../../shared/schema/table.js';
import type { TableName } from '../../shared/schema/tables.js';
import { tables } from '../../shared/schema/tables.js';
import { decodeRow, type SqlValue } from '../db/rows.js';
import { requireUser, type Ctx } from '../context.js';
import { dropMaskedEchoes, maskPersonal, type PersonalFields } from './personal-data.js';
import { ftsPrefixQuery } from './search-query.js';

/**
 * Above this many candidate rows a condition is "broad": reading rows in the sort's index
 * order and testing each finds a page sooner than fetching every candidate and sorting.
 */
export const BROAD = 20_000;

type Row = Record<string, unknown> & { id: string; centreId: string | null; deleted: boolean };
export type SqlFragment = { sql: string; params: SqlValue[] };

export interface ListQuery {
  search?: string;
  filter?: Record<string, unknown>;
  sort?: { field: string; direction: 'asc' | 'desc' };
  limit: number;
  offset: number;
}

export interface CrudOptions<R extends Row> {
  spec: StoredTable;
  /** Human name for messages: "startup", "trainee". */
  entity: string;
  label(row: R): string;
  /** Fields that point at other records: checked to exist (and not be deleted). */
  refs?: Record<string, TableName>;
  /** Values that must be unique among live rows, checked in order (CNIC, then email…). */
  unique?: Array<{ field: string; message: string }>;
  /** Full-text search table (`<table>_fts`) or LIKE columns for small tables. */
  search?: { fts: true } | { like: string[] };
  /**
   * Filter key → SQL condition. Keys match the list query's declared filters. The call's
   * context is passed so that filters like "overdue" use the call's clock (tests inject it).
   */
  filters?: Record<string, (value: never, ctx: Ctx) => SqlFragment>;
  /** Sort key → SQL expression. */
  sorts: Record<string, string>;
  defaultSort: { field: string; direction: 'asc' | 'desc' };
  /** Domain rules over the whole record after the change; throw fail.field(...). */
  validate?(ctx: Ctx, next: R, previous: R | null): void;
  /** Personal fields, masked in every returned row (see personal-data.ts). */
  personal?: PersonalFields;
  /** What callers see, after masking. Runs on every returned row. */
  present?(ctx: Ctx, row: R): R;
  /**
   * Runs in the same transaction after a create or update (e.g. stage history); may
   * return the row as it is after further changes it made.
   */
  afterWrite?(ctx: Ctx, row: R, previous: R | null): R | void;
}

export interface CrudService<R extends Row> {
  create(ctx: Ctx, input: Record<string, unknown>): R;
  update(ctx: Ctx, input: { id: string; patch: Record<string, unknown> }): R;
  remove(ctx: Ctx, input: { id: string }): { id: string; deleted: true };
  get(ctx: Ctx, input: { id: string }): R;
  list(ctx: Ctx, query: ListQuery): Page<R>;
  /** The stored row (not presented), or a not-found error. For other services. */
  load(ctx: Ctx, id: string): R;
  /** How messages name a row ("Ali Raza (Karachi)"). */
  label(row: R): string;
}

export function crudService<R extends Row>(opts: CrudOptions<R>): CrudService<R> {
  const { spec } = opts;
  const present = (ctx: Ctx, row: R): R => {
    const masked = opts.personal ? maskPersonal(row, opts.personal) : row;
    return opts.present ? opts.present(ctx, masked) : masked;
  };

  function load(ctx: Ctx, id: string): R {
    const row = ctx.rows.get<R>(spec, id);
    if (!row || row.deleted) throw fail.notFound(opts.entity, id);
    return row;
  }

  function assertWritable(ctx: Ctx, row: R): void {
    if (row.centreId === null && !ctx.national) {
      throw fail.forbidden(
        'national',
        `This ${opts.entity} belongs to the national office; only a national workstation may change it`,
      );
    }
  }

  function checkRefs(ctx: Ctx, values: Record<string, unknown>, fieldPrefix: string[]): void {
    for (const [field, table] of Object.entries(opts.refs ?? {})) {
      const id = values[field];
      if (id === null || id === undefined) continue;
      const row = ctx.rows.statement(`SELECT deleted FROM ${table} WHERE id = ?`).get(id) as { deleted: number } | undefined;
      if (!row || row.deleted) {
        throw fail.field([...fieldPrefix, field], `No ${tableEntity(table)} with this id`);
      }
    }
  }

  function checkUnique(ctx: Ctx, values: Record<string, unknown>, selfId: string | null, fieldPrefix: string[]): void {
    for (const { field, message } of opts.unique ?? []) {
      const value = values[field];
      if (value === null || value === undefined) continue;
      const column = spec.columnOf[field]!;
      const existing = ctx.rows
        .statement(`SELECT * FROM ${spec.name} WHERE ${column} = ? AND deleted = 0 AND id IS NOT ? LIMIT 1`)
        .get(value, selfId) as Record<string, SqlValue> | undefined;
      if (existing) {
        const row = decodeRow(spec, existing) as R;
        throw fail.conflict(`${message}: ${opts.label(row)}`, [...fieldPrefix, field].join('.'), {
          entity: spec.name,
          id: row.id,
          label: opts.label(row),
        });
      }
    }
  }

  function create(ctx: Ctx, input: Record<string, unknown>): R {
    const user = requireUser(ctx);
    const given = opts.personal ? dropMaskedEchoes(input, null, opts.personal, []) : input;
    const fields: Record<string, unknown> = { ...spec.defaults, ...given };
    for (const field of Object.keys(spec.columnOf)) if (fields[field] === undefined) fields[field] = null;
    checkRefs(ctx, fields, []);
    checkUnique(ctx, fields, null, []);
    const draft = { ...fields, id: '', centreId: ctx.centreId, deleted: false } as unknown as R;
    opts.validate?.(ctx, draft, null);
    const row = ctx.rows.insert<R>(spec, fields, { userId: user.id, centreId: ctx.centreId });
    return present(ctx, opts.afterWrite?.(ctx, row, null) ?? row);
  }

  function update(ctx: Ctx, input: { id: string; patch: Record<string, unknown> }): R {
    const user = requireUser(ctx);
    const previous = load(ctx, input.id);
    assertWritable(ctx, previous);
    let patch = Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined));
    if (opts.personal) patch = dropMaskedEchoes(patch, previous, opts.personal, ['patch']);
    const next = { ...previous, ...patch } as R;
    checkRefs(ctx, patch, ['patch']);
    checkUnique(ctx, Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== previous[k])), previous.id, ['patch']);
    opts.validate?.(ctx, next, previous);
    const row = ctx.rows.update<R>(spec, input.id, patch, { userId: user.id })!;
    return present(ctx, opts.afterWrite?.(ctx, row, previous) ?? row);
  }

  function remove(ctx: Ctx, input: { id: string }): { id: string; deleted: true } {
    const user = requireUser(ctx);
    const row = load(ctx, input.id);
    assertWritable(ctx, row);
    ctx.rows.tombstone(spec, input.id, { userId: user.id });
    return { id: input.id, deleted: true };
  }

  function get(ctx: Ctx, input: { id: string }): R {
    return present(ctx, load(ctx, input.id));
  }

  function countWhere(ctx: Ctx, whereSql: string, params: SqlValue[]): number {
    return (ctx.rows.statement(`SELECT count(*) AS n FROM ${spec.name} WHERE ${whereSql}`).get(...params) as { n: number }).n;
  }

  /** Live rows of the whole table, from the trigger-kept counter (migration 3). */
  function liveCount(ctx: Ctx, whereSql: string): number {
    const row = ctx.rows.statement('SELECT n FROM live_counts WHERE tbl = ?').get(spec.name) as { n: number } | undefined;
    return row?.n ?? countWhere(ctx, whereSql, []);
  }

  /**
   * The search box's condition, with the number of rows it matches when that is known
   * cheaply. With full-text search the matches are counted in the FTS index alone (it holds
   * live rows only, see migration 1), which also decides the plan: when many rows match,
   * reading the table in the sort's index order and testing each row stops after one page,
   * while fetching every match by key and sorting them all takes 100 ms on a million
   * trainees ("ali": 63,000 matches). The unary + keeps SQLite from driving by rowid.
   */
  function searchCondition(ctx: Ctx, search: string | undefined): (SqlFragment & { matches?: number }) | null {
    const text = search?.trim();
    if (!text || !opts.search) return null;
    if ('fts' in opts.search) {
      const match = ftsPrefixQuery(text);
      if (!match) return null;
      const fts = `${spec.name}_fts`;
      const { n } = ctx.rows.statement(`SELECT count(*) AS n FROM ${fts} WHERE ${fts} MATCH ?`).get(match) as { n: number };
      const broad = n >= BROAD ? '+' : '';
      return {
        sql: `${broad}${spec.name}.rowid IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?)`,
        params: [match],
        matches: n,
      };
    }
    const likes = opts.search.like.map((c) => `${spec.name}.${c} LIKE ? ESCAPE '\\'`);
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return { sql: `(${likes.join(' OR ')})`, params: opts.search.like.map(() => pattern) };
  }

  function list(ctx: Ctx, query: ListQuery): Page<R> {
    const where: string[] = [`${spec.name}.deleted = 0`];
    const params: SqlValue[] = [];
    for (const [key, value] of Object.entries(query.filter ?? {})) {
      if (value === undefined) continue;
      const build = opts.filters?.[key];
      if (!build) throw fail.field(['filter', key], `Cannot filter ${opts.entity} lists by ${key}`);
      const fragment = build(value as never, ctx);
      where.push(fragment.sql);
      params.push(...fragment.params);
    }
    const filtered = where.length > 1;
    const search = searchCondition(ctx, query.search);
    if (search) {
      where.push(search.sql);
      params.push(...search.params);
    }
    const sort = query.sort ?? opts.defaultSort;
    const sortSql = opts.sorts[sort.field];
    if (!sortSql) throw fail.field(['sort', 'field'], `Cannot sort ${opts.entity} lists by ${sort.field}`);
    const order = `${sortSql} ${sort.direction === 'desc' ? 'DESC' : 'ASC'}, ${spec.name}.id`;
    const whereSql = where.join(' AND ');
    const total = filtered ? countWhere(ctx, whereSql, params) : (search?.matches ?? liveCount(ctx, whereSql));
    const raws = ctx.rows
      .statement(`SELECT ${spec.name}.* FROM ${spec.name} WHERE ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...params, query.limit, query.offset) as Record<string, SqlValue>[];
    const items = raws.map((raw) => present(ctx, decodeRow(spec, raw) as R));
    return { items, total, offset: query.offset, limit: query.limit };
  }

  return { create, update, remove, get, list, load, label: opts.label };
}

function tableEntity(table: TableName): string {
  return table.replace(/_/g, ' ').replace(/s$/, '');
}

/** Filter helpers for the common shapes. */
export const where = {
  equals:
    (column: string) =>
    (value: string | number | boolean): SqlFragment => ({
      sql: `${column} = ?`,
      params: [typeof value === 'boolean' ? (value ? 1 : 0) : value],
    }),
  equalsNoCase:
    (column: string) =>
    (value: string): SqlFragment => ({ sql: `${column} = ? COLLATE NOCASE`, params: [value] }),
  /** JSON array column contains the tag. */
  hasTag:
    (column: string) =>
    (value: string): SqlFragment => ({
      sql: `EXISTS (SELECT 1 FROM json_each(${column}) WHERE json_each.value = ?)`,
      params: [value.toLowerCase()],
    }),
};

export { tables };

/** Wires a CRUD service to the five API calls `<prefix>.create|update|delete|get|list`. */
export function crudHandlers<P extends string>(prefix: P, service: CrudService<Row>) {
  return {
    [`${prefix}.create`]: (ctx: Ctx, input: Record<string, unknown>) => service.create(ctx, input),
    [`${prefix}.update`]: (ctx: Ctx, input: { id: string; patch: Record<string, unknown> }) => service.update(ctx, input),
    [`${prefix}.delete`]: (ctx: Ctx, input: { id: string }) => service.remove(ctx, input),
    [`${prefix}.get`]: (ctx: Ctx, input: { id: string }) => service.get(ctx, input),
    [`${prefix}.list`]: (ctx: Ctx, input: ListQuery) => service.list(ctx, input),
  } as unknown as Record<`${P}.${'create' | 'update' | 'delete' | 'get' | 'list'}`, never>;
}
