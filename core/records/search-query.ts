/**
 * Turns what a person types ("ali karach") into an FTS5 query: every word must match, as
 * a prefix. Words are quoted so FTS5 operators and punctuation in input are inert.
 */
export function ftsPrefixQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .split(/[\s,;:()"'*^+\-.@/\\]+/u)
    .map((w) => w.trim())
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}
