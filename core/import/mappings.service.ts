/**
 * Saved column mappings (local table import_mappings, migration 5): the wizard offers the
 * newest saved mapping of the kind whose every column is in the file being imported.
 */
import { v7 as uuidv7 } from 'uuid';
import { fail } from '../../shared/api/errors.js';
import type { ImportColumn, ImportKind, SavedMapping } from '../../shared/api/import.js';
import { IMPORT_FIELDS } from '../../shared/api/import.js';
import type { InputOf } from '../../shared/api/index.js';
import { requireUser, type Ctx } from '../context.js';
import { headerKey } from './header-mapping.js';

interface MappingRow {
  id: string;
  kind: ImportKind;
  name: string;
  mapping: string;
  created_at: string;
  updated_at: string;
}

function decode(row: MappingRow): SavedMapping {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    mapping: JSON.parse(row.mapping) as Record<string, string>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listMappings(ctx: Ctx, kind?: ImportKind): SavedMapping[] {
  const rows = (
    kind
      ? ctx.rows.statement('SELECT * FROM import_mappings WHERE kind = ? ORDER BY updated_at DESC, name').all(kind)
      : ctx.rows.statement('SELECT * FROM import_mappings ORDER BY kind, updated_at DESC, name').all()
  ) as MappingRow[];
  return rows.map(decode);
}

/** Saves under the kind and name, replacing a mapping saved under them before. */
export function saveMapping(ctx: Ctx, input: InputOf<'import.mappings.save'>): SavedMapping {
  const user = requireUser(ctx);
  const fields = IMPORT_FIELDS[input.kind] as readonly string[];
  for (const field of Object.keys(input.mapping)) {
    if (!fields.includes(field)) throw fail.field(['mapping', field], `An import of ${input.kind} has no field "${field}"`);
  }
  const now = ctx.now().toISOString();
  ctx.rows
    .statement(
      `INSERT INTO import_mappings (id, kind, name, mapping, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, name COLLATE NOCASE) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
    )
    .run(uuidv7(), input.kind, input.name, JSON.stringify(input.mapping), user.id, now, now);
  const row = ctx.rows.statement('SELECT * FROM import_mappings WHERE kind = ? AND name = ? COLLATE NOCASE').get(input.kind, input.name) as MappingRow;
  return decode(row);
}

export function deleteMapping(ctx: Ctx, id: string): { id: string; deleted: true } {
  const { changes } = ctx.rows.statement('DELETE FROM import_mappings WHERE id = ?').run(id);
  if (changes === 0) throw fail.notFound('saved mapping', id);
  return { id, deleted: true };
}

/** The newest saved mapping of the kind whose every column is among the file's columns. */
export function matchingSavedMapping(ctx: Ctx, kind: ImportKind, columns: readonly ImportColumn[]): { id: string; name: string; mapping: Record<string, string> } | null {
  const keys = new Set(columns.flatMap((c) => [c.key.toLowerCase(), headerKey(c.header)]));
  const fits = (m: SavedMapping) => Object.values(m.mapping).every((key) => keys.has(key.toLowerCase()) || keys.has(headerKey(key)));
  const found = listMappings(ctx, kind).find((m) => Object.keys(m.mapping).length > 0 && fits(m));
  return found ? { id: found.id, name: found.name, mapping: found.mapping } : null;
}
