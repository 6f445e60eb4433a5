/**
 * Just enough of the zip format to read an XLSX: the central directory, and each entry
 * stored or deflated. ZIP64 archives, encryption and other methods are refused with
 * `UnsupportedZip`, and the caller falls back to exceljs.
 */
import zlib from 'node:zlib';

export class UnsupportedZip extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipEntries {
  names(): string[];
  /** The entry's bytes as UTF-8 text, or null when there is no such entry. */
  text(name: string): string | null;
}

export function openZip(bytes: Buffer): ZipEntries {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i -= 1) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new UnsupportedZip('no end of central directory');
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new UnsupportedZip('ZIP64');
  const entries = new Map<string, { method: number; size: number; local: number; flags: number }>();
  for (let n = 0; n < count; n += 1) {
    if (bytes.readUInt32LE(offset) !== CENTRAL) throw new UnsupportedZip('bad central directory');
    const flags = bytes.readUInt16LE(offset + 8);
    const method = bytes.readUInt16LE(offset + 10);
    const size = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const local = bytes.readUInt32LE(offset + 42);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.set(name, { method, size, local, flags });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return {
    names: () => [...entries.keys()],
    text(name) {
      const entry = entries.get(name.replace(/^\//, ''));
      if (!entry) return null;
      if (entry.flags & 0x1) throw new UnsupportedZip('encrypted');
      if (bytes.readUInt32LE(entry.local) !== LOCAL) throw new UnsupportedZip('bad local header');
      const start = entry.local + 30 + bytes.readUInt16LE(entry.local + 26) + bytes.readUInt16LE(entry.local + 28);
      const data = bytes.subarray(start, start + entry.size);
      if (entry.method === 0) return data.toString('utf8');
      if (entry.method === 8) return zlib.inflateRawSync(data).toString('utf8');
      throw new UnsupportedZip(`compression method ${entry.method}`);
    },
  };
}
