/**
 * Command-line flags generated from the record declarations: one `--kebab-case` flag per
 * field of a call's input schema. The shape of each field (text, number, yes/no, list,
 * choice) is read from its zod schema, so a field added to a table in shared/ shows up as a
 * flag with no CLI change. Raw flag values are turned into the call's input here; whether a
 * value is acceptable is left to the API's own validation, whose issues name their fields
 * and are mapped back to flags for the message.
 */
import { Option, type Command } from 'commander';
import type { z } from 'zod';
import type { FieldIssue } from '../../shared/api/errors.js';
import { snakeCase } from '../../shared/schema/table.js';

export type FlagShape = 'text' | 'number' | 'bool' | 'list' | 'choice' | 'json';

export interface FieldFlag {
  /** The input field (camelCase). */
  field: string;
  /** The flag's long name without dashes: `women-led`. */
  flag: string;
  shape: FlagShape;
  choices?: readonly string[];
  /** Required on create: the call refuses the input without it. */
  required: boolean;
  /** Accepts null: an empty value (`--website ""`) clears it. */
  nullable: boolean;
  /** Given once per value (`--action-item A --action-item B`). */
  repeatable: boolean;
  /** Turns the raw value(s) into the field's input value (overrides the generic rule). */
  convert?: (raw: string[]) => unknown;
  description: string;
}

/** Per-field adjustments an entity may declare (a different flag name, a converter). */
export interface FieldOverride {
  flag?: string;
  repeatable?: boolean;
  convert?: (raw: string[]) => unknown;
  description?: string;
  valueName?: string;
}

export const kebabCase = (field: string): string => snakeCase(field).replace(/_/g, '-');

export function camelCase(name: string): string {
  return name.replace(/[-_]([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

interface ZodDefLike {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
}

const defOf = (schema: z.ZodType): ZodDefLike => (schema as unknown as { def: ZodDefLike }).def;

/** The schema under optional / nullable / default / transform / pipe wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = defOf(s);
    if (
      (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'readonly') &&
      def.innerType
    ) {
      s = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      s = def.in;
    } else {
      return s;
    }
  }
}

function shapeOf(schema: z.ZodType): { shape: FlagShape; choices?: readonly string[] } {
  const s = unwrap(schema);
  const def = defOf(s);
  switch (def.type) {
    case 'boolean':
      return { shape: 'bool' };
    case 'number':
    case 'int':
      return { shape: 'number' };
    case 'enum':
      return { shape: 'choice', choices: Object.values(def.entries ?? {}).map(String) };
    case 'literal':
      return { shape: 'choice', choices: (def.values ?? []).map(String) };
    case 'array': {
      const element = def.element ? defOf(unwrap(def.element)).type : 'string';
      return { shape: ['string', 'enum', 'number'].includes(element) ? 'list' : 'json' };
    }
    case 'object':
    case 'record':
      return { shape: 'json' };
    default:
      return { shape: 'text' };
  }
}

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

/**
 * One flag per field of an object schema (a create input or an update's patch). `forUpdate`
 * adds the hint that an empty value clears a field that may be empty.
 */
export function flagsOf(
  shape: Record<string, z.ZodType>,
  overrides: Record<string, FieldOverride> = {},
  forUpdate = false,
): FieldFlag[] {
  return Object.entries(shape).map(([field, schema]) => {
    const override = overrides[field] ?? {};
    const { shape: kind, choices } = shapeOf(schema);
    const required = !accepts(schema, undefined);
    const nullable = accepts(schema, null);
    return {
      field,
      flag: override.flag ?? kebabCase(field),
      shape: kind,
      choices,
      required,
      nullable,
      repeatable: override.repeatable ?? false,
      convert: override.convert,
      description: override.description ?? describeFlag(schema, kind, choices, nullable && forUpdate),
    };
  });
}

/** What a text field takes, found by trying typical values on its schema. */
function textHint(schema: z.ZodType): string | null {
  if (accepts(schema, 'abc')) return null;
  if (accepts(schema, '2026-07-31')) return 'a date, YYYY-MM-DD';
  if (accepts(schema, '2026-07-31T09:30:00Z')) return 'date and time, e.g. 2026-07-31T09:30:00Z (or with an offset, +05:00)';
  if (accepts(schema, 'name@example.pk')) return 'an email address';
  if (accepts(schema, 'https://example.pk')) return 'a web address, https://…';
  if (accepts(schema, '0300-1234567')) return 'a phone number, e.g. 0300-1234567 or +44 20 7946 0000';
  if (accepts(schema, '12345-1234567-1')) return 'a CNIC, e.g. 12345-1234567-1';
  if (accepts(schema, '01900000-0000-7000-8000-000000000000')) return 'a record id';
  return null;
}

function describeFlag(schema: z.ZodType, shape: FlagShape, choices: readonly string[] | undefined, clearable: boolean): string {
  const clear = clearable ? '; "" clears it' : '';
  switch (shape) {
    case 'choice':
      return `one of: ${choices?.join(', ')}`;
    case 'list':
      return `comma-separated list${clear}`;
    case 'number':
      return `a number${clear}`;
    case 'json':
      return `JSON${clear}`;
    case 'bool':
      return 'yes';
    default: {
      const hint = textHint(schema);
      return hint ? `${hint}${clear}` : clearable ? '"" clears it' : '';
    }
  }
}

function valueNameOf(flag: FieldFlag): string {
  switch (flag.shape) {
    case 'number':
      return 'n';
    case 'list':
      return 'list';
    case 'choice':
      return 'choice';
    case 'json':
      return 'json';
    default:
      return flag.flag.endsWith('-id') ? 'id' : 'value';
  }
}

/** Adds the flags to a command. Booleans get `--x` and `--no-x`; neither means "not given". */
export function addFieldOptions(
  command: Command,
  flags: readonly FieldFlag[],
  opts: { markRequired: boolean; overrides?: Record<string, FieldOverride> },
): void {
  for (const flag of flags) {
    const required = opts.markRequired && flag.required ? ' (required)' : '';
    if (flag.shape === 'bool') {
      command.addOption(new Option(`--${flag.flag}`, `${flag.field}: yes${required}`));
      command.addOption(new Option(`--no-${flag.flag}`, `${flag.field}: no`));
      continue;
    }
    const valueName = opts.overrides?.[flag.field]?.valueName ?? valueNameOf(flag);
    const option = new Option(
      `--${flag.flag} <${valueName}>`,
      [flag.description, required.trim()].filter(Boolean).join(' ') || flag.field,
    );
    if (flag.repeatable) {
      option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
      option.description += `${option.description ? '; ' : ''}repeat for more`;
    }
    command.addOption(option);
  }
}

/** The command's parsed option value for a flag, by commander's attribute name. */
function rawValue(opts: Record<string, unknown>, flag: FieldFlag): unknown {
  return opts[camelCase(flag.flag)];
}

export interface Converted {
  input: Record<string, unknown>;
  issues: FieldIssue[];
  given: number;
}

/**
 * Turns parsed options into a call's input. Numbers that are not numbers are refused here
 * (the only check the API cannot make, since it would see a string); missing required flags
 * are reported here too, all at once, with the field as the issue path.
 */
export function convertFlags(flags: readonly FieldFlag[], opts: Record<string, unknown>, checkRequired: boolean): Converted {
  const input: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  let given = 0;
  for (const flag of flags) {
    const raw = rawValue(opts, flag);
    if (raw === undefined) {
      if (checkRequired && flag.required) issues.push({ path: [flag.field], message: 'Required' });
      continue;
    }
    given += 1;
    if (flag.shape === 'bool') {
      input[flag.field] = raw === true;
      continue;
    }
    const values = Array.isArray(raw) ? raw.map(String) : [String(raw)];
    if (flag.convert) {
      try {
        input[flag.field] = flag.convert(values);
      } catch (error) {
        issues.push({ path: [flag.field], message: error instanceof Error ? error.message : String(error) });
      }
      continue;
    }
    const text = values[values.length - 1]!;
    if (flag.nullable && text.trim() === '') {
      input[flag.field] = null;
      continue;
    }
    switch (flag.shape) {
      case 'number': {
        const n = parseNumber(text);
        if (n === null) issues.push({ path: [flag.field], message: `Must be a number, not "${text}"` });
        else input[flag.field] = n;
        break;
      }
      case 'list':
        input[flag.field] = splitList(text);
        break;
      case 'json':
        try {
          input[flag.field] = JSON.parse(text) as unknown;
        } catch {
          issues.push({ path: [flag.field], message: 'Must be JSON' });
        }
        break;
      default:
        input[flag.field] = text;
    }
  }
  return { input, issues, given };
}

/** A plain decimal number (1, -2.5, 1e6, 1,000,000); null for anything else. */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/(\d),(?=\d{3}\b)/g, '$1');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Maps an input path (`['patch', 'cnic']`, `['actionItems', 1, 'text']`) to its flag. */
export function flagForPath(flags: readonly FieldFlag[], path: readonly (string | number)[]): string | null {
  const rest = path[0] === 'patch' ? path.slice(1) : path;
  const field = rest[0];
  if (typeof field !== 'string') return null;
  const flag = flags.find((f) => f.field === field);
  if (!flag) return null;
  const index = rest[1];
  return typeof index === 'number' && flag.repeatable ? `--${flag.flag} #${index + 1}` : `--${flag.flag}`;
}
