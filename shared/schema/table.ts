/**
 * One declaration per synced table: its name, its domain fields (zod), which fields are
 * written only by the system (never accepted from a caller), and defaults for create.
 * The core's row store, the sync protocol and the server all read column names and kinds
 * from here, so adding a field is one edit in shared/ plus an additive migration.
 */
import { z } from 'zod';
import { BaseColumns, Id, SortDirection } from '../records/base.js';

/** How a column is stored: SQLite has no boolean or array types. */
export type ColumnKind = 'text' | 'int' | 'real' | 'bool' | 'json';

/** Who may own rows: only a centre, or a centre or the national office (centre_id NULL). */
export type TableScope = 'centre' | 'centre-or-national';

export interface TableSpec<
  N extends string = string,
  S extends z.ZodRawShape = z.ZodRawShape,
  I extends keyof S & string = never,
  D extends keyof S & string = never,
> {
  name: N;
  fields: z.ZodObject<S>;
  /** The stored record: fields + base columns. */
  record: z.ZodObject<S & typeof BaseColumns>;
  createInput: z.ZodObject<CreateShape<Omit<S, I>, D>>;
  patchInput: z.ZodObject<{ id: typeof Id; patch: z.ZodObject<PartialShape<Omit<S, I>>> }>;
  internal: readonly I[];
  defaults: { [K in D]: z.output<S[K]> };
  scope: TableScope;
  /** snake_case column name → kind, for the data fields (base columns are fixed). */
  columns: Record<string, { field: string; kind: ColumnKind }>;
  /** camelCase field → snake_case column. */
  columnOf: Record<string, string>;
}

/** What storage code needs of a table, whatever its field types. */
export interface StoredTable {
  name: string;
  scope: TableScope;
  columns: Record<string, { field: string; kind: ColumnKind }>;
  columnOf: Record<string, string>;
  defaults: object;
}

type NullableKeys<S extends z.ZodRawShape> = {
  [K in keyof S]: null extends z.input<S[K]> ? K : never;
}[keyof S];
type CreateShape<S extends z.ZodRawShape, D extends PropertyKey> = {
  [K in keyof S]: K extends NullableKeys<S> | D ? z.ZodOptional<S[K]> : S[K];
};
type PartialShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<S[K]> };

export function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Finds the storage kind of a field by looking through nullable/optional/pipe wrappers. */
export function columnKind(schema: z.ZodType): ColumnKind {
  let s: z.ZodType = schema;
  for (;;) {
    const def = s.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if ((def.type === 'nullable' || def.type === 'optional' || def.type === 'default') && def.innerType) {
      s = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      s = def.in;
    } else {
      switch (def.type) {
        case 'boolean':
          return 'bool';
        case 'number':
          return (s as z.ZodNumber).isInt ? 'int' : 'real';
        case 'array':
        case 'object':
        case 'record':
          return 'json';
        default:
          return 'text';
      }
    }
  }
}

export function defineTable<
  N extends string,
  S extends z.ZodRawShape,
  I extends keyof S & string = never,
  D extends keyof S & string = never,
>(spec: {
  name: N;
  fields: z.ZodObject<S>;
  internal?: readonly I[];
  defaults?: { [K in D]: z.output<S[K]> };
  scope?: TableScope;
}): TableSpec<N, S, I, D> {
  const internal = spec.internal ?? [];
  const defaults = (spec.defaults ?? {}) as { [K in D]: z.output<S[K]> };
  const omitMask = Object.fromEntries(internal.map((k) => [k, true]));
  const writable = spec.fields.omit(omitMask as never) as unknown as z.ZodObject<Omit<S, I>>;
  const optionalMask: Record<string, true> = {};
  for (const [key, schema] of Object.entries(writable.shape)) {
    if ((schema as z.ZodType).safeParse(null).success || key in defaults) optionalMask[key] = true;
  }
  const columns: TableSpec['columns'] = {};
  const columnOf: Record<string, string> = {};
  for (const [field, schema] of Object.entries(spec.fields.shape)) {
    const column = snakeCase(field);
    columns[column] = { field, kind: columnKind(schema as z.ZodType) };
    columnOf[field] = column;
  }
  return {
    name: spec.name,
    fields: spec.fields,
    record: spec.fields.extend(BaseColumns) as TableSpec<N, S, I, D>['record'],
    createInput: writable.partial(optionalMask as never).strict() as never,
    patchInput: z.object({ id: Id, patch: writable.partial().strict() }).strict() as never,
    internal,
    defaults,
    scope: spec.scope ?? 'centre',
    columns,
    columnOf,
  };
}

/**
 * A list query: free-text search, equality filters declared per table, one sort key and a
 * page. `limit` is capped so that one call never returns a whole table.
 */
export function listQueryOf<F extends z.ZodRawShape, K extends string>(
  filters: z.ZodObject<F>,
  sortKeys: readonly [K, ...K[]],
) {
  return z
    .object({
      search: z.string().max(200).optional(),
      filter: filters.partial().strict().optional(),
      sort: z.object({ field: z.enum(sortKeys), direction: SortDirection }).strict().optional(),
      limit: z.number().int().min(1).max(1000).default(50),
      offset: z.number().int().min(0).default(0),
    })
    .strict();
}
