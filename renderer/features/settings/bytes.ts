/** A size in bytes as people read it: 1 decimal above a kilobyte (1,024-based, as file managers on Windows show). */
export function byteUnits(bytes: number): { unit: 'b' | 'kb' | 'mb' | 'gb'; value: number } {
  if (bytes < 1024) return { unit: 'b', value: bytes };
  if (bytes < 1024 ** 2) return { unit: 'kb', value: Math.round((bytes / 1024) * 10) / 10 };
  if (bytes < 1024 ** 3) return { unit: 'mb', value: Math.round((bytes / 1024 ** 2) * 10) / 10 };
  return { unit: 'gb', value: Math.round((bytes / 1024 ** 3) * 10) / 10 };
}
