/**
 * bench/RESULTS.md holds one section per part of the benchmark (workstation and UI, import,
 * sync, …), each with the run it came from. A run of some parts (`--sync-only`, `--import-only`,
 * …) rewrites only their sections and keeps the others, so the file always shows the latest real
 * figures of every part — the million-trainee workstation run takes most of an hour and is not
 * repeated for a sync change.
 */

/** The parts of the benchmark, in the order the file shows them. */
export const SECTION_ORDER = ['Workstation', 'UI', 'Import', 'Reports', 'Sync'] as const;
export type SectionTitle = (typeof SECTION_ORDER)[number];

export interface ResultsSection {
  /** The section's heading; a later run's section with the same title replaces it. */
  title: SectionTitle | string;
  /** Lines under the heading before the table: which run, what data. */
  preamble: string[];
  table: string;
}

const FILE_TITLE = '# Benchmark results';
const INTRO =
  'Each section comes from the run named under its heading (`npm run bench` runs them all; `--sync-only`, `--import-only`, `--reports-only`, `--ui-only` rewrite only their own section). Figures are medians of several runs with min and max.';

/** Sections of an existing RESULTS.md, in file order (none for a file of another shape). */
export function parseSections(markdown: string): ResultsSection[] {
  const sections: ResultsSection[] = [];
  let current: { title: string; lines: string[] } | null = null;
  const close = () => {
    if (!current) return;
    const tableStart = current.lines.findIndex((line) => line.startsWith('|'));
    const lines = current.lines;
    sections.push({
      title: current.title,
      preamble: (tableStart < 0 ? lines : lines.slice(0, tableStart)).filter((line) => line.trim() !== ''),
      table:
        tableStart < 0
          ? ''
          : lines
              .slice(tableStart)
              .filter((line) => line.startsWith('|'))
              .join('\n'),
    });
  };
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) {
      close();
      current = { title: line.slice(3).trim(), lines: [] };
    } else if (current) {
      current.lines.push(line);
    }
  }
  close();
  return sections;
}

/**
 * The new file: the sections of `existing`, those of this run replacing the ones of the same
 * title, in SECTION_ORDER (sections of unknown title last, as they were).
 */
export function mergeResults(existing: string, fresh: ResultsSection[]): string {
  const byTitle = new Map(fresh.map((section) => [section.title, section]));
  const kept = parseSections(existing).map((section) => byTitle.get(section.title) ?? section);
  const keptTitles = new Set(kept.map((section) => section.title));
  const all = [...kept, ...fresh.filter((section) => !keptTitles.has(section.title))];
  // Sections keep the benchmark's own order, whatever order the old file had them in.
  const rank = (title: string) => {
    const index = SECTION_ORDER.indexOf(title as SectionTitle);
    return index < 0 ? SECTION_ORDER.length : index;
  };
  all.sort((a, b) => rank(a.title) - rank(b.title));
  const body = all.flatMap((section) => [`## ${section.title}`, '', ...section.preamble, '', section.table, '']);
  return [FILE_TITLE, '', INTRO, '', ...body].join('\n');
}
