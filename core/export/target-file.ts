/**
 * Where an export is written: the absolute `path` the caller gave (CLI, desktop), checked,
 * or a new name in the data folder's exports/ (created readable by this user only), which
 * the UI then fetches with `files.download`. Used by list exports and report documents.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../../shared/api/errors.js';
import type { Ctx } from '../context.js';
import { exportsDir } from '../import/rejected-file.js';
import { randomPart } from '../import/uploads.js';

/** `given` (the input's `path`) after checks, or exports/<baseName>-<date>-<random>.<extension>. */
export function exportTarget(ctx: Ctx, given: string | undefined, extension: string, baseName: string): string {
  if (given !== undefined) {
    if (!path.isAbsolute(given))
      throw fail.field(['path'], `Give the full path of the file, like /home/amna/${baseName}.${extension}`);
    if (path.extname(given).toLowerCase() !== `.${extension}`)
      throw fail.field(['path'], `The file name must end in .${extension}`);
    if (!fs.statSync(path.dirname(given), { throwIfNoEntry: false })?.isDirectory())
      throw fail.field(['path'], 'This folder does not exist');
    return given;
  }
  const dir = exportsDir(ctx);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return path.join(dir, `${baseName}-${ctx.now().toISOString().slice(0, 10)}-${randomPart()}.${extension}`);
}
