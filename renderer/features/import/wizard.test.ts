import { describe, expect, it } from 'vitest';
import type { AnalyseResult, DuplicateGroup } from '../../../shared/api/import.js';
import { decisionOf, invalidRowCount } from './CheckStep.js';
import { mappingProblems } from './ColumnsStep.js';

const group = (allowed: DuplicateGroup['allowed']): DuplicateGroup => ({
  id: 'g1',
  matchedBy: 'cnic',
  rows: [4],
  existing: null,
  differences: [],
  allowed,
  decision: 'skip',
});

describe('import wizard', () => {
  it('names required fields without a column and columns used twice', () => {
    expect(mappingProblems('trainees', { cnic: 'NIC' })).toEqual({ missing: ['name'], repeated: [] });
    expect(mappingProblems('startups', { name: 'Name', sector: 'Name' })).toEqual({ missing: [], repeated: ['Name'] });
  });

  it('gives a group its own decision, else the default where allowed, else skip', () => {
    const choices = { decisions: {}, validOnly: false, onDuplicate: 'new' as const };
    expect(decisionOf(group(['skip', 'update', 'new']), choices)).toBe('new');
    expect(decisionOf(group(['skip', 'update']), choices)).toBe('skip');
    expect(decisionOf(group(['skip', 'update']), { ...choices, decisions: { g1: 'update' } })).toBe('update');
  });

  it('counts rows with issues once each', () => {
    const issue = (row: number) => ({ row, field: null, column: null, value: null, message: 'x' });
    expect(invalidRowCount({ issues: [issue(5), issue(5), issue(7)] } as AnalyseResult)).toBe(2);
  });
});
