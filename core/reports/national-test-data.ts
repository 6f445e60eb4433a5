/**
 * For the national report's tests (core/reports/national.test.ts, e2e/reports/): a centre's
 * year of work entered through a workstation's real API, event by event with the clock on
 * each event's day, drawn from a seed so that every centre differs. It touches every table a
 * KPI reads: programmes and cohorts, startups moving through their stages (some deleted),
 * founders, check-ins (some locked), milestones, mentors and assignments, sessions with
 * action items done later or never, trainees enrolled, completed, certified and placed.
 *
 * Dates are relative to `quarter` (the one the tests report on): from three quarters before
 * it to the end of the next, which must be in the past, so that no change is stamped ahead
 * of the server's clock.
 */
import type { ApiClient } from '../../shared/api/client.js';
import type { Gender } from '../../shared/records/base.js';
import { Sector, type Stage } from '../../shared/records/startups.js';
import { quarterRange, shiftQuarter } from '../../shared/reports/quarters.js';
import { mulberry32 } from '../seed/random.js';

const DAY = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

export interface CentrePlanOptions {
  /** The quarter reported on; events run from three quarters before it to the end of the next. */
  quarter: string;
  seed: number;
  /** Sets the workstation's clock (each event runs on its day, at 09:00 UTC). */
  setClock: (at: Date) => void;
  /** Mentors of the national directory this centre's sessions may also use. */
  nationalMentorIds?: string[];
  /** Names start with this, so centres are told apart in the documents. */
  prefix: string;
}

export interface CentrePlanResult {
  startups: number;
  sessions: number;
  trainees: number;
}

/** Enters the centre's plan through `client` (signed in as its manager). */
export async function enterCentrePlan(client: ApiClient, opts: CentrePlanOptions): Promise<CentrePlanResult> {
  const rnd = mulberry32(opts.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const chance = (p: number) => rnd() < p;
  const from = quarterRange(shiftQuarter(opts.quarter, -3)).start;
  const to = quarterRange(shiftQuarter(opts.quarter, 1)).end;
  const span = daysBetween(from, to);
  const dayIn = (after = from, before = to) => addDays(after, Math.floor(rnd() * Math.max(1, daysBetween(after, before))));
  const events: Array<{ day: string; run: () => Promise<unknown> }> = [];
  const on = (day: string, run: () => Promise<unknown>) => events.push({ day, run });
  const ids = new Map<string, string>();
  const keep = (ref: string) => (row: { id: string }) => ids.set(ref, row.id);
  const id = (ref: string) => ids.get(ref)!;
  const gone = new Set<string>();
  /** A record made and not deleted by now (the API refuses changes under a deleted one). */
  const live = (ref: string) => ids.has(ref) && !gone.has(ref);
  const remove = (ref: string, run: () => Promise<unknown>) => async () => {
    await run();
    gone.add(ref);
  };
  /** Runs only while the records it hangs off are live. */
  const under =
    (refs: string[], run: () => Promise<unknown>) =>
    async (): Promise<unknown> =>
      refs.every(live) ? run() : undefined;

  on(from, async () => {
    keep('incubation')(await client.call('programmes.create', { kind: 'incubation', name: `${opts.prefix} Ignite` }));
    keep('training')(await client.call('programmes.create', { kind: 'training', name: `${opts.prefix} DigiSkills` }));
    keep('cohort:i')(await client.call('cohorts.create', { programmeId: id('incubation'), name: `${opts.prefix} Cohort 1` }));
    keep('cohort:t')(await client.call('cohorts.create', { programmeId: id('training'), name: `${opts.prefix} Batch 7` }));
    for (let m = 0; m < 3; m++) {
      keep(`mentor:${m}`)(
        await client.call('mentors.create', { name: `${opts.prefix} Mentor ${m}`, country: m === 2 ? 'UAE' : 'Pakistan' }),
      );
    }
  });

  const startups = 8 + Math.floor(rnd() * 4);
  for (let s = 0; s < startups; s++) {
    const ref = `startup:${s}`;
    const created = dayIn(from, addDays(from, Math.floor(span / 2)));
    const path: Stage[] = chance(0.7) ? ['applied', 'incubated'] : ['applied'];
    if (path.length === 2 && chance(0.4)) path.push(chance(0.7) ? 'graduated' : 'dropped');
    if (path.at(-1) === 'graduated' && chance(0.3)) path.push('dropped');
    const sector = pick(Sector.options);
    on(created, async () => {
      keep(ref)(
        await client.call('startups.create', {
          name: `${opts.prefix} Startup ${s}`,
          sector,
          womenLed: chance(0.4),
          cohortId: chance(0.8) ? id('cohort:i') : null,
          stage: 'applied',
        }),
      );
      await client.call('founders.create', { startupId: id(ref), name: `${opts.prefix} Founder ${s}` });
    });
    let day = created;
    for (const stage of path.slice(1)) {
      day = dayIn(addDays(day, 1), to);
      on(day, under([ref], () => client.call('startups.update', { id: id(ref), patch: { stage } })));
    }
    if (chance(0.1)) {
      on(dayIn(addDays(created, 2), to), under([ref], remove(ref, () => client.call('startups.delete', { id: id(ref) }))));
    }
    for (const q of [-2, -1, 0]) {
      const quarter = shiftQuarter(opts.quarter, q);
      if (!chance(0.7)) continue;
      const dueDay = addDays(quarterRange(quarter).end, 3);
      const jobsFullTime = Math.floor(rnd() * 20);
      const jobsPartTime = Math.floor(rnd() * 8);
      // Funding raised must say where it came from.
      const source = chance(0.5) ? pick(['Ignite', 'Angel', 'Bank']) : null;
      on(dueDay < created ? addDays(created, 1) : dueDay, under([ref], async () => {
        await client.call('metrics.save', {
          startupId: id(ref),
          quarter,
          values: {
            revenuePkr: Math.floor(rnd() * 5_000_000),
            exportRevenueUsd: Math.round(rnd() * 200_000) / 100,
            fundingCommittedPkr: chance(0.4) ? Math.floor(rnd() * 10_000_000) : null,
            fundingRaisedPkr: source ? Math.floor(rnd() * 5_000_000) : null,
            fundingSource: source,
            jobsFullTime,
            jobsPartTime,
            jobsWomen: Math.floor(rnd() * (jobsFullTime + jobsPartTime + 1)),
          },
        });
        if (chance(0.4)) await client.call('metrics.lock', { startupId: id(ref), quarter });
      }));
    }
    if (chance(0.5)) {
      const status = pick(['planned', 'done'] as const);
      on(
        dayIn(created, to),
        under([ref], () => client.call('milestones.create', { startupId: id(ref), title: `${opts.prefix} milestone ${s}`, status })),
      );
    }
    if (chance(0.5)) {
      on(
        addDays(created, 1),
        under([ref], () =>
          client.call('assignments.create', { mentorId: id(`mentor:${s % 3}`), startupId: id(ref), fromDate: addDays(created, 1) }),
        ),
      );
    }
  }

  const sessions = 14 + Math.floor(rnd() * 8);
  for (let n = 0; n < sessions; n++) {
    const s = Math.floor(rnd() * startups);
    const day = dayIn(addDays(from, Math.floor(span / 2)), to);
    const national = opts.nationalMentorIds?.length && chance(0.3) ? pick(opts.nationalMentorIds) : null;
    const items = Math.floor(rnd() * 3);
    const doneAfter = Array.from({ length: items }, () => (chance(0.6) ? Math.floor(rnd() * 60) : null));
    const hour = String(4 + Math.floor(rnd() * 14)).padStart(2, '0');
    const minutes = 30 + Math.floor(rnd() * 6) * 15;
    on(
      day,
      under([`startup:${s}`], async () => {
        const recorded = await client.call('sessions.record', {
          mentorId: national ?? id(`mentor:${n % 3}`),
          startupId: id(`startup:${s}`),
          startsAt: `${day}T${hour}:30:00.000Z`,
          minutes,
          actionItems: doneAfter.map((_, i) => ({ text: `${opts.prefix} item ${n}.${i}`, dueOn: addDays(day, 7 + i * 20) })),
        });
        recorded.actionItems.forEach((item, i) => ids.set(`item:${n}:${i}`, item.id));
      }),
    );
    doneAfter.forEach((after, i) => {
      if (after === null) return;
      const doneDay = addDays(day, after);
      if (doneDay < to) {
        on(
          doneDay,
          under([`startup:${s}`, `item:${n}:${i}`], () =>
            client.call('actionItems.update', { id: id(`item:${n}:${i}`), patch: { done: true } }),
          ),
        );
      }
    });
  }

  const trainees = 16 + Math.floor(rnd() * 10);
  for (let t = 0; t < trainees; t++) {
    const ref = `trainee:${t}`;
    const enrolled = dayIn(from, addDays(to, -60));
    const gender: Gender | null = chance(0.1) ? null : chance(0.5) ? 'female' : 'male';
    on(enrolled, async () => {
      keep(ref)(await client.call('trainees.create', { name: `${opts.prefix} Trainee ${t}`, gender }));
      keep(`enrolment:${t}`)(await client.call('enrolments.create', { traineeId: id(ref), cohortId: id('cohort:t') }));
    });
    if (chance(0.6)) {
      const completed = dayIn(addDays(enrolled, 30), to);
      on(
        completed,
        under([ref], () => client.call('enrolments.update', { id: id(`enrolment:${t}`), patch: { status: 'completed' } })),
      );
      if (chance(0.6)) {
        on(
          completed,
          under([ref], () => client.call('certifications.create', { traineeId: id(ref), title: 'Web Development', issuedOn: completed })),
        );
      }
      if (chance(0.5)) {
        const started = addDays(completed, Math.floor(rnd() * 200));
        if (started < to) {
          const kind = pick(['job', 'freelance', 'founder', 'internship'] as const);
          on(started, under([ref], () => client.call('placements.create', { traineeId: id(ref), kind, startedOn: started })));
        }
      }
    }
    if (chance(0.05)) {
      on(dayIn(addDays(enrolled, 1), to), under([ref], remove(ref, () => client.call('trainees.delete', { id: id(ref) }))));
    }
  }

  events.sort((a, b) => a.day.localeCompare(b.day));
  for (const event of events) {
    opts.setClock(new Date(`${event.day}T09:00:00.000Z`));
    await event.run();
  }
  return { startups, sessions, trainees };
}
