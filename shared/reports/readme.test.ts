import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README, withKpiTable } from '../../scripts/readme-kpis.js';
import { KPIS } from './kpis.js';

describe('the README', () => {
  it('lists every KPI of the catalogue with its key, label and definition (npx tsx scripts/readme-kpis.ts rewrites it)', () => {
    const readme = fs.readFileSync(README, 'utf8');
    expect(withKpiTable(readme), 'README.md differs from shared/reports/kpis.ts: run npx tsx scripts/readme-kpis.ts').toBe(
      readme,
    );
    for (const k of KPIS) expect(readme).toContain(`| \`${k.key}\` | ${k.label} | ${k.definition} |`);
  });
});
