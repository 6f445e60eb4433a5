/**
 * `<entity> add | list | get ID | update ID | delete ID` for every record type in
 * entities.ts, generated from the API declarations: add's flags from the add call's input
 * schema, update's from the update call's patch schema, list's filters and sort keys from
 * the list call's query schema.
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { z } from 'zod';
import { fail, type ApiFailure, type FieldIssue } from '../../shared/api/errors.js';
import { ExportFormat } from '../../shared/api/export.js';
import { callDef, type InputOf, type Method } from '../../shared/api/index.js';
import type { Page } from '../../shared/records/base.js';
import type { EntityCommands } from './entities.js';
import {
  addFieldOptions,
  camelCase,
  convertFlags,
  flagForPath,
  flagsOf,
  kebabCase,
  parseNumber,
  unwrap,
  type FieldFlag,
} from './field-flags.js';
import { formatDetails, formatTable, jobProgressPrinter, type FlagOf } from './output.js';
import type { Runtime } from './runtime.js';

type Row = Record<string, unknown>;
type AnyCall = (method: Method, input: unknown) => Promise<unknown>;

const shapeOf = (schema: z.ZodType): Record<string, z.ZodType> =>
  (unwrap(schema) as unknown as { shape: Record<string, z.ZodType> }).shape;

/** The largest page the list calls allow; `--all` pages through with it. */
const PAGE = 1000;

/** Flags for an ID argument and the list options, for error messages. */
const commonFlag: FlagOf = (path) => {
  switch (path[0]) {
    case 'id':
      return 'ID';
    case 'search':
      return '--search';
    case 'limit':
      return '--limit';
    case 'offset':
      return '--offset';
    case 'sort':
      return '--sort';
    case 'filter':
      return typeof path[1] === 'string' ? `--filter ${kebabCase(path[1])}` : '--filter';
    default:
      return null;
  }
};

function mapperFor(flags: readonly FieldFlag[]): FlagOf {
  return (path) => flagForPath(flags, path) ?? commonFlag(path);
}

function invalid(issues: FieldIssue[]): ApiFailure {
  return fail.invalid(issues, issues.length === 1 ? issues[0]!.message : 'Some values were refused');
}

function caller(rt: Runtime): AnyCall {
  const { client } = rt.signedIn();
  return (method, input) => client.call(method, input as InputOf<typeof method>);
}

export function addRecordCommands(program: Command, rt: Runtime, entity: EntityCommands): Command {
  const group = program.command(entity.name).description(`Add, list, show, change and delete ${entity.name}`);
  const createFlags = flagsOf(shapeOf(callDef(entity.addMethod).input), entity.overrides);
  const updateSchema = shapeOf(callDef(`${entity.name}.update` as Method).input).patch!;
  const patchFlags = flagsOf(shapeOf(updateSchema), entity.overrides, true);
  const listShape = shapeOf(callDef(`${entity.name}.list` as Method).input);
  const filterShape = listShape.filter ? shapeOf(listShape.filter) : {};
  const sortKeys = listShape.sort
    ? ((unwrap(shapeOf(listShape.sort).field!) as unknown as { options: string[] }).options ?? [])
    : [];

  // add
  const add = group.command('add').description(`Add a ${entity.singular} (${entity.addMethod})`);
  addFieldOptions(add, createFlags, { markRequired: true, overrides: entity.overrides });
  add.action(async (opts: Row) => {
    rt.flagOf = mapperFor(createFlags);
    const { input, issues } = convertFlags(createFlags, opts, true);
    if (issues.length) throw invalid(issues);
    const created = (await caller(rt)(entity.addMethod, input)) as Row;
    rt.out.result(created, () => `Added ${entity.singular} ${String(created.id)}\n${details(created, createFlags)}`);
  });

  /** --search, --filter and --sort: what to list (or export). */
  const queryOptions = (command: Command) =>
    command
      .option('--search <text>', 'words to look for (prefix-aware)')
      .addOption(
        new Option(
          '--filter <key=value>',
          `only rows with this value; keys: ${Object.keys(filterShape).map(kebabCase).join(', ') || 'none'}; repeat for more`,
        ).argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]),
      )
      .option('--sort <field[:desc]>', `order by one of: ${sortKeys.map(kebabCase).join(', ')}`);

  // list
  const list = queryOptions(group.command('list').description(`List ${entity.name}: one page, or every matching row with --all`))
    .option('--limit <n>', 'rows per page (1–1000, default 50)')
    .option('--offset <n>', 'rows to skip (default 0)')
    .option('--all', 'every matching row, fetched page by page');
  list.action(async (opts: Row) => {
    rt.flagOf = commonFlag;
    const query = listQuery(opts, filterShape, sortKeys);
    const call = caller(rt);
    if (opts.all) {
      const rows = await fetchAll(call, `${entity.name}.list` as Method, query);
      rt.out.result(
        rows,
        () => `${formatTable(rows, entity.columns)}\n${rows.length} ${rows.length === 1 ? entity.singular : entity.name}`,
      );
      return;
    }
    const page = (await call(`${entity.name}.list` as Method, query)) as Page<Row>;
    rt.out.result(page, () => pageText(page, entity));
  });

  // export: every matching row to a file, in core (export.list)
  queryOptions(group.command('export').description(`Write every matching ${entity.singular} to a CSV or XLSX file`))
    .addOption(new Option('--format <format>', 'csv or xlsx').choices(ExportFormat.options).default('csv'))
    .option('--out <file>', "where to write it (default: the data folder's exports/, readable only by you)")
    .action(async (opts: Row) => {
      rt.flagOf = (p) => (p[0] === 'path' ? '--out' : commonFlag(p[0] === 'target' ? p.slice(2) : p));
      const { search, filter, sort } = listQuery(opts, filterShape, sortKeys);
      const target = { list: entity.name, query: { search, filter, sort } } as InputOf<'export.list'>['target'];
      const out = typeof opts.out === 'string' ? path.resolve(opts.out) : undefined;
      const result = await rt.signedIn().client.runJob('export.list', { target, format: opts.format as ExportFormat, path: out }, {
        onProgress: jobProgressPrinter(rt.out),
      });
      rt.out.result(result, () => `Wrote ${result.rows} ${entity.name} to ${result.path} (CNIC and phone numbers ${result.personalData === 'clear' ? 'in clear' : result.personalData})`);
    });

  // get
  group
    .command('get')
    .description(`Show one ${entity.singular}`)
    .argument('<id>', `the ${entity.singular}'s id`)
    .action(async (id: string) => {
      rt.flagOf = commonFlag;
      const call = caller(rt);
      const record = (await call(`${entity.name}.get` as Method, { id })) as Row;
      const extra = entity.details ? await entity.details(rt.signedIn().client, record) : {};
      const full = { ...record, ...extra };
      rt.out.result(full, () => details(full, createFlags));
    });

  // update
  const update = group
    .command('update')
    .description(`Change fields of a ${entity.singular}; only the flags given change`)
    .argument('<id>', `the ${entity.singular}'s id`);
  addFieldOptions(update, patchFlags, { markRequired: false, overrides: entity.overrides });
  update.action(async (id: string, opts: Row) => {
    rt.flagOf = mapperFor(patchFlags);
    const { input, issues, given } = convertFlags(patchFlags, opts, false);
    if (issues.length) throw invalid(issues);
    if (given === 0) {
      throw fail.invalid(
        [],
        `Give at least one field to change, e.g. --${patchFlags[0]?.flag ?? 'name'} VALUE (see \`${entity.name} update --help\`)`,
      );
    }
    const updated = (await caller(rt)(`${entity.name}.update` as Method, { id, patch: input })) as Row;
    rt.out.result(updated, () => `Updated ${entity.singular} ${id}\n${details(updated, patchFlags)}`);
  });

  // search: the list call's prefix-aware search, as a command of its own
  group
    .command('search')
    .description(`Find ${entity.name} by words (every word must match the start of a word)`)
    .argument('<text>', 'what to look for, e.g. "ali karachi"')
    .option('--limit <n>', 'at most this many (1–1000, default 50)')
    .action(async (text: string, opts: Row) => {
      rt.flagOf = commonFlag;
      const query = listQuery({ search: text, limit: opts.limit }, filterShape, sortKeys);
      const page = (await caller(rt)(`${entity.name}.list` as Method, query)) as Page<Row>;
      rt.out.result(page, () => pageText(page, entity));
    });

  // delete
  group
    .command('delete')
    .description(`Delete a ${entity.singular} (a tombstone that syncs)`)
    .argument('<id>', `the ${entity.singular}'s id`)
    .action(async (id: string) => {
      rt.flagOf = commonFlag;
      const result = await caller(rt)(`${entity.name}.delete` as Method, { id });
      rt.out.result(result, () => `Deleted ${entity.singular} ${id}`);
    });

  return group;
}

interface ListInput {
  search?: string;
  filter?: Record<string, unknown>;
  sort?: { field: string; direction: 'asc' | 'desc' };
  limit?: number;
  offset?: number;
}

function wholeNumber(text: unknown, path: string, min: number, issues: FieldIssue[]): number | undefined {
  if (text === undefined) return undefined;
  const n = parseNumber(String(text));
  if (n === null || !Number.isInteger(n) || n < min) {
    issues.push({
      path: [path],
      message: `Must be a whole number${min > 0 ? ` of at least ${min}` : ''}, not "${String(text)}"`,
    });
    return undefined;
  }
  return n;
}

/** Builds the list call's query from the flags; unknown filter keys and sort fields are refused here. */
export function listQuery(opts: Row, filterShape: Record<string, z.ZodType>, sortKeys: readonly string[]): ListInput {
  const issues: FieldIssue[] = [];
  const query: ListInput = {};
  if (typeof opts.search === 'string') query.search = opts.search;
  const filters = (opts.filter as string[] | undefined) ?? [];
  if (filters.length) {
    query.filter = {};
    for (const entry of filters) {
      const eq = entry.indexOf('=');
      const key = eq > 0 ? camelCase(entry.slice(0, eq).trim()) : '';
      if (!key) {
        issues.push({ path: ['filter'], message: `Write filters as key=value, not "${entry}"` });
        continue;
      }
      const schema = filterShape[key];
      if (!schema) {
        const keys = Object.keys(filterShape).map(kebabCase).join(', ');
        issues.push({ path: ['filter'], message: `Cannot filter by "${entry.slice(0, eq)}"; use one of: ${keys || '(none)'}` });
        continue;
      }
      const value = entry.slice(eq + 1).trim();
      const [flag] = flagsOf({ [key]: schema });
      if (flag!.shape === 'bool') {
        const yes = ['true', 'yes', '1', 'y'].includes(value.toLowerCase());
        const no = ['false', 'no', '0', 'n'].includes(value.toLowerCase());
        if (!yes && !no) issues.push({ path: ['filter', key], message: `Must be true or false, not "${value}"` });
        else query.filter[key] = yes;
      } else if (flag!.shape === 'number') {
        const n = parseNumber(value);
        if (n === null) issues.push({ path: ['filter', key], message: `Must be a number, not "${value}"` });
        else query.filter[key] = n;
      } else {
        query.filter[key] = value;
      }
    }
  }
  if (typeof opts.sort === 'string') {
    const [rawField = '', rawDirection = 'asc'] = opts.sort.split(':');
    const field = camelCase(rawField.trim());
    const direction = rawDirection.trim().toLowerCase();
    if (!sortKeys.includes(field)) {
      issues.push({ path: ['sort'], message: `Cannot sort by "${rawField}"; use one of: ${sortKeys.map(kebabCase).join(', ')}` });
    } else if (direction !== 'asc' && direction !== 'desc') {
      issues.push({ path: ['sort'], message: `Write the direction as asc or desc, not "${rawDirection}"` });
    } else {
      query.sort = { field, direction };
    }
  }
  if (opts.all && (opts.limit !== undefined || opts.offset !== undefined)) {
    issues.push({ path: ['limit'], message: '--all lists every matching row; leave out --limit and --offset' });
  }
  const limit = wholeNumber(opts.limit, 'limit', 1, issues);
  const offset = wholeNumber(opts.offset, 'offset', 0, issues);
  if (limit !== undefined) query.limit = limit;
  if (offset !== undefined) query.offset = offset;
  if (issues.length) throw invalid(issues);
  return query;
}

/** Every matching row, a page at a time. */
async function fetchAll(call: AnyCall, method: Method, query: ListInput): Promise<Row[]> {
  const rows: Row[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = (await call(method, { ...query, limit: PAGE, offset })) as Page<Row>;
    rows.push(...page.items);
    if (page.items.length < PAGE || rows.length >= page.total) return rows;
  }
}

function pageText(page: Page<Row>, entity: EntityCommands): string {
  if (page.total === 0) return `No ${entity.name} found`;
  if (page.items.length === 0) return `No ${entity.name} at offset ${page.offset} (${page.total} in all)`;
  const first = page.offset + 1;
  const last = page.offset + page.items.length;
  const more = last < page.total ? ` (next page: --offset ${last})` : '';
  return `${formatTable(page.items, entity.columns)}\n${first}–${last} of ${page.total}${more}`;
}

/** A record as label/value lines: the id, then the fields in flag order, then the rest. */
function details(record: Row, flags: readonly FieldFlag[]): string {
  const known = new Set(['id', ...flags.map((f) => f.field)]);
  const entries: [string, unknown][] = [['id', record.id]];
  for (const flag of flags) if (flag.field in record) entries.push([kebabCase(flag.field), record[flag.field]]);
  for (const [key, value] of Object.entries(record)) if (!known.has(key)) entries.push([kebabCase(key), value]);
  return formatDetails(entries);
}
