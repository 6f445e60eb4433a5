/**
 * `files.download`: a chunk of a file core wrote to <dataDir>/exports (a list export, a
 * file of rejected import rows), for a UI that cannot read the data folder. Names are
 * checked by the schema (no folders, no dots first), so nothing outside exports/ is read.
 * Rejected-rows files hold personal data in clear and need `import.run`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../../shared/api/errors.js';
import type { OutputOf, ParsedInputOf } from '../../shared/api/index.js';
import { requirePermission, type Ctx } from '../context.js';
import { exportsDir } from '../import/rejected-file.js';

export function downloadChunk(ctx: Ctx, input: ParsedInputOf<'files.download'>): OutputOf<'files.download'> {
  if (input.name.startsWith('rejected-')) requirePermission(ctx, 'import.run');
  const file = path.join(exportsDir(ctx), input.name);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw fail.notFound('export file', input.name);
  if (input.offset > stat.size) throw fail.field(['offset'], `The file has ${stat.size} bytes`);
  const length = Math.min(input.length, stat.size - input.offset);
  const buffer = Buffer.alloc(length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, buffer, 0, length, input.offset);
  } finally {
    fs.closeSync(fd);
  }
  return { data: buffer.toString('base64'), offset: input.offset, bytes: stat.size, done: input.offset + length >= stat.size };
}
