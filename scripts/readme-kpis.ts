/**
 * The README's list of KPIs, generated from the catalogue (shared/reports/kpis.ts):
 * `npx tsx scripts/readme-kpis.ts` rewrites the part of README.md between the two markers;
 * shared/reports/readme.test.ts fails while the README and the catalogue differ. Only that
 * part is touched (the rest of the README is formatted by hand).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { KPIS, SECTION_LABELS } from '../shared/reports/kpis.js';

export const README = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'README.md');
export const BEGIN = '<!-- KPI list: generated from shared/reports/kpis.ts by `npx tsx scripts/readme-kpis.ts` -->';
export const END = '<!-- end of KPI list -->';

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The KPI table: section, key, label and definition of every KPI, in the catalogue's order. */
export function kpiTable(): string {
  const rows = KPIS.map((k) => `| ${SECTION_LABELS[k.section]} | \`${k.key}\` | ${cell(k.label)} | ${cell(k.definition)} |`);
  return ['| Section | Key | Label | Definition |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The README with its KPI list replaced by the catalogue's. */
export function withKpiTable(readme: string): string {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin === -1 || end < begin) throw new Error(`README.md has no KPI list between "${BEGIN}" and "${END}"`);
  return `${readme.slice(0, begin + BEGIN.length)}\n${kpiTable()}\n${readme.slice(end)}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const before = fs.readFileSync(README, 'utf8');
  const after = withKpiTable(before);
  if (after !== before) fs.writeFileSync(README, after);
  console.log(
    after === before
      ? 'README.md already lists the KPIs of the catalogue.'
      : 'README.md: the KPI list is rewritten from the catalogue.',
  );
}
