/**
 * Files the UI sends with `files.upload` (a browser has no path to give): kept in
 * <dataDir>/uploads/<uploadId>/<file name>, readable by this user only, until a day has
 * passed. Chunks arrive in order; the file counts only once its last chunk is in.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { fail } from '../../shared/api/errors.js';
import type { InputOf, OutputOf } from '../../shared/api/index.js';
import { MAX_UPLOAD_BYTES } from '../../shared/api/files.js';
import type { Ctx } from '../context.js';

const KEEP_MS = 24 * 60 * 60 * 1000;
const PART = '.part';

export function uploadsDir(ctx: Ctx): string {
  return path.join(ctx.dataDir, 'uploads');
}

/** A file name safe to keep on any file system, with its extension. */
function safeName(fileName: string): string {
  const base = path.basename(fileName.replace(/\\/g, '/'));
  const cleaned = base.replace(/[^\p{L}\p{N}._ -]+/gu, '_').replace(/^[.\s]+/, '').slice(-120);
  return cleaned || 'upload';
}

function removeOldUploads(dir: string, now: number): void {
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const entry = path.join(dir, name);
    const stat = fs.statSync(entry, { throwIfNoEntry: false });
    if (stat && now - stat.mtimeMs > KEEP_MS) fs.rmSync(entry, { recursive: true, force: true });
  }
}

export function receiveChunk(ctx: Ctx, input: Omit<InputOf<'files.upload'>, never>): OutputOf<'files.upload'> {
  const dir = uploadsDir(ctx);
  const data = Buffer.from(input.data, 'base64');
  let uploadId = input.uploadId;
  let file: string;
  if (uploadId === undefined) {
    if (input.offset !== 0) throw fail.field(['offset'], 'The first chunk starts at offset 0');
    removeOldUploads(dir, ctx.now().getTime());
    uploadId = uuidv7();
    fs.mkdirSync(path.join(dir, uploadId), { recursive: true, mode: 0o700 });
    file = path.join(dir, uploadId, safeName(input.fileName) + PART);
    fs.writeFileSync(file, '', { mode: 0o600 });
  } else {
    const found = findUpload(ctx, uploadId, true);
    if (!found.endsWith(PART)) throw fail.field(['uploadId'], 'This upload is already complete');
    file = found;
  }
  const size = fs.statSync(file).size;
  if (input.offset !== size) throw fail.field(['offset'], `Expected the chunk at offset ${size}, not ${input.offset}`);
  if (size + data.length > MAX_UPLOAD_BYTES) {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    throw fail.field(['data'], `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  }
  fs.appendFileSync(file, data);
  if (input.last) fs.renameSync(file, file.slice(0, -PART.length));
  return { uploadId, bytes: size + data.length, complete: input.last };
}

/** The upload's file (its last chunk received, unless `partial`). */
export function findUpload(ctx: Ctx, uploadId: string, partial = false): string {
  const dir = path.join(uploadsDir(ctx), uploadId);
  const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  const name = names.find((n) => partial || !n.endsWith(PART));
  if (!name) {
    const what = names.length > 0 ? 'has not received its last chunk' : 'does not exist (uploads are kept for a day)';
    throw fail.field(['source', 'uploadId'], `Upload ${uploadId} ${what}`);
  }
  return path.join(dir, name);
}

/** A random part for names of files core writes, so they cannot be guessed. */
export function randomPart(): string {
  return crypto.randomBytes(4).toString('hex');
}
