/** `import.analyse`: what a commit would do, without writing (the CLI's --dry-run). */
import { can } from '../../shared/auth/permissions.js';
import type { Ctx } from '../context.js';
import type { ProgressReport } from '../host/handler-types.js';
import { isDuplicateGroup } from './duplicates.js';
import { describeGroup, expectedOutcomes } from './plan.js';
import { prepareImport } from './prepare.js';
import { resultOutcome } from './results.js';
import type { AnalyseResult, ParsedAnalyseInput } from './types.js';

export async function analyseImport(ctx: Ctx, input: ParsedAnalyseInput, report: ProgressReport, signal: AbortSignal): Promise<AnalyseResult> {
  const prepared = await prepareImport(ctx, input, [], report, signal);
  const canReveal = can(ctx.user?.role, 'pii.reveal');
  const expected = { added: 0, updated: 0, skipped: 0, rejected: prepared.invalid.length };
  const groups: AnalyseResult['groups'] = [];
  if (prepared.records) {
    const { spec, plans } = prepared.records;
    const cohort = ctx.rows.statement('SELECT name FROM cohorts WHERE id = ?');
    const cohortName = (id: string) => (cohort.get(id) as { name: string } | undefined)?.name ?? null;
    for (const plan of plans) {
      for (const { outcome } of expectedOutcomes(plan, spec.entity)) expected[outcome] += 1;
      if (isDuplicateGroup(plan.group)) groups.push(describeGroup(plan, spec, canReveal, cohortName));
    }
  }
  for (const plan of prepared.results?.plans ?? []) expected[resultOutcome(plan)] += 1;
  return {
    kind: input.kind,
    sheet: prepared.sheet.name,
    headerRow: prepared.layout.headerRow,
    totalRows: prepared.rows.length,
    validRows: prepared.rows.length - prepared.invalid.length,
    issues: prepared.invalid.flatMap((r) => r.issues),
    groups,
    expected,
  };
}
