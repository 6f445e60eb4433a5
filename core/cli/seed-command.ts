/** `seed`: deterministic demo data written through the domain services (core/seed). */
import type { Command } from 'commander';
import { fail, type FieldIssue } from '../../shared/api/errors.js';
import { DEFAULT_SEED_COUNTS, seedDemoData, type SeedCounts } from '../seed/seed.js';
import { parseNumber } from './field-flags.js';
import type { Runtime } from './runtime.js';

const COUNT_FLAGS = ['startups', 'mentors', 'trainees', 'sessions'] as const;
const MAX_COUNT = 5_000_000;

const number = (n: number) => n.toLocaleString('en-US');

export function addSeedCommand(program: Command, rt: Runtime): void {
  const command = program
    .command('seed')
    .description(
      'Add demo data: programmes and cohorts, startups (founders, milestones, check-ins), mentors and assignments, ' +
        'sessions with action items, trainees (enrolments, certifications, placements). The same --seed gives the same data.',
    );
  for (const name of COUNT_FLAGS) command.option(`--${name} <n>`, `how many ${name} (default ${DEFAULT_SEED_COUNTS[name]})`);
  command.option('--seed <n>', 'the random seed (default 1)');
  command.action((opts: Partial<Record<(typeof COUNT_FLAGS)[number] | 'seed', string>>) => {
    rt.flagOf = (path) => (typeof path[0] === 'string' ? `--${path[0]}` : null);
    const issues: FieldIssue[] = [];
    const counts = { ...DEFAULT_SEED_COUNTS };
    const whole = (name: string, raw: string | undefined, max: number): number | undefined => {
      if (raw === undefined) return undefined;
      const n = parseNumber(raw);
      if (n === null || !Number.isInteger(n) || n < 0 || n > max) {
        issues.push({ path: [name], message: `Must be a whole number from 0 to ${number(max)}, not "${raw}"` });
        return undefined;
      }
      return n;
    };
    for (const name of COUNT_FLAGS) {
      const n = whole(name, opts[name], MAX_COUNT);
      if (n !== undefined) counts[name] = n;
    }
    const seed = whole('seed', opts.seed, 2 ** 32 - 1) ?? 1;
    if (issues.length) throw fail.invalid(issues);
    if (counts.sessions > 0 && (counts.mentors === 0 || counts.startups === 0)) {
      throw fail.field(['sessions'], 'Sessions need mentors and startups: give --mentors and --startups too, or --sessions 0');
    }

    const { core, user } = rt.signedIn();
    const target = counts satisfies SeedCounts;
    rt.out.progress(
      `Seeding ${COUNT_FLAGS.map((k) => `${number(target[k])} ${k}`).join(', ')} (seed ${seed}) into ${core.databasePath}`,
      { seed, ...target },
    );
    let lastStage = '';
    let lastReport = 0;
    const summary = seedDemoData(core, user, {
      ...target,
      seed,
      onProgress: ({ stage, done, total }) => {
        const now = Date.now();
        // Every batch commit is a progress point; print at most a few lines a second.
        if (stage === lastStage && done < total && now - lastReport < 1000) return;
        lastStage = stage;
        lastReport = now;
        rt.out.progress(`  ${stage}: ${number(done)} / ${number(total)}`, { stage, done, total });
      },
    });
    rt.out.result(summary, () => {
      const rows = Object.entries(summary.created)
        .map(([table, n]) => `  ${table.padEnd(20)} ${number(n).padStart(10)}`)
        .join('\n');
      return `Seeded in ${summary.seconds} s (seed ${summary.seed}):\n${rows}`;
    });
  });
}
