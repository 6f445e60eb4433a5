/**
 * Moving files between the UI and core when the UI has no path to give or take: a browser
 * (`npm run web`) and the desktop page both see a chosen file's bytes, never its path, and
 * can only offer a download of bytes they hold.
 *
 * - `files.upload` sends a file to core in base64 chunks of at most 4 MiB of bytes, in
 *   order; the first chunk has no `uploadId` and the answer gives one. Chunks keep every
 *   message far below the WebSocket transport's 16 MiB limit and let other calls and job
 *   events through between them. Core keeps the upload in <dataDir>/uploads (mode 0600,
 *   removed a day later) and the import calls name it by `uploadId`.
 * - `files.download` reads a file core wrote to <dataDir>/exports (a list export, a file of
 *   rejected import rows) by its name, in chunks of at most 4 MiB.
 */
import { z } from 'zod';
import { Id } from '../records/base.js';
import { call } from './define.js';

export const MAX_CHUNK_BYTES = 4 * 1024 * 1024;
/** The largest file an upload may grow to (a 30,000-row XLSX is about 2 MB). */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** base64 of at most MAX_CHUNK_BYTES bytes. */
const Base64Chunk = z
  .string()
  .max(Math.ceil(MAX_CHUNK_BYTES / 3) * 4, 'A chunk holds at most 4 MiB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Must be base64');

/** A file name in the data folder's exports/: letters, digits, dot, dash, underscore. */
export const ExportFileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Must be the name of a file core wrote to exports/');

export const filesApi = {
  'files.upload': call({
    input: z
      .object({
        /** Absent on the first chunk; then the id that answer gave. */
        uploadId: Id.optional(),
        /** The file's own name (its extension tells CSV from XLSX). */
        fileName: z.string().trim().min(1).max(255),
        /** Where this chunk starts; must equal the bytes received so far. */
        offset: z.number().int().min(0).max(MAX_UPLOAD_BYTES),
        data: Base64Chunk,
        /** This is the file's last chunk. */
        last: z.boolean(),
      })
      .strict(),
    output: z.object({ uploadId: Id, bytes: z.number().int(), complete: z.boolean() }),
    permission: 'import.run',
  }),
  /**
   * A chunk of a file in exports/. Files of rejected import rows need `import.run`; the
   * names of files core writes there carry a random part, so they cannot be guessed.
   */
  'files.download': call({
    input: z
      .object({
        name: ExportFileName,
        offset: z.number().int().min(0).default(0),
        length: z.number().int().min(1).max(MAX_CHUNK_BYTES).default(MAX_CHUNK_BYTES),
      })
      .strict(),
    output: z.object({ data: z.string(), offset: z.number().int(), bytes: z.number().int(), done: z.boolean() }),
    permission: 'export.run',
  }),
};
