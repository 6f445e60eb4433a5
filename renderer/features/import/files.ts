/**
 * Moving a file's bytes between the page and core (shared/api/files.ts): a chosen file goes
 * up with `files.upload` in chunks of at most 4 MiB, and a file core wrote to exports/ comes
 * down with `files.download` and is offered as the browser's download.
 */
import { MAX_CHUNK_BYTES } from '../../../shared/api/files.js';
import type { ApiClient } from '../../../shared/api/client.js';
import { offerDownload } from '../../components/download.js';

/** A slice of a file as base64, read by the browser (no string building byte by byte). */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(blob);
  });
}

/** Sends `file` to core and resolves with its upload id; `onProgress` sees the bytes sent. */
export async function uploadFile(
  client: ApiClient,
  file: File,
  onProgress?: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  let uploadId: string | undefined;
  let offset = 0;
  do {
    if (signal?.aborted) throw new DOMException('Upload cancelled', 'AbortError');
    const end = Math.min(file.size, offset + MAX_CHUNK_BYTES);
    const data = await base64Of(file.slice(offset, end));
    const answer = await client.call('files.upload', {
      ...(uploadId ? { uploadId } : {}),
      fileName: file.name,
      offset,
      data,
      last: end >= file.size,
    });
    uploadId = answer.uploadId;
    offset = end;
    onProgress?.(offset, file.size);
  } while (offset < file.size);
  return uploadId;
}

const TYPES: Record<string, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Fetches a file of core's exports/ by name and offers it as a download named `saveAs`. */
export async function downloadExport(client: ApiClient, name: string, saveAs: string = name): Promise<void> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await client.call('files.download', { name, offset });
    const text = atob(chunk.data);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    parts.push(bytes);
    offset = chunk.offset + chunk.bytes;
    if (chunk.done || chunk.bytes === 0) break;
  }
  const extension = saveAs.split('.').pop()?.toLowerCase() ?? '';
  offerDownload(parts, TYPES[extension] ?? 'application/octet-stream', saveAs);
}
