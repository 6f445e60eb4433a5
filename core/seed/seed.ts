/**
 * Demo data for a centre: programmes and cohorts, startups with founders, milestones and
 * quarterly check-ins, mentors (some abroad) assigned to startups, mentoring sessions over
 * the last four quarters with action items, and trainees with enrolments, certifications
 * and placements.
 *
 * Every record goes through its domain service with a real context, so the row store
 * writes outbox ops, cell clocks and history, and the FTS triggers index it, exactly as for
 * a record typed into the app; and every input is parsed by the API's schema first, so
 * seeded data is data the app would accept. Writes are grouped into transactions of a few
 * thousand rows: one commit (one fsync) per group instead of per row.
 *
 * The same seed gives the same data (names, cities, numbers, dates relative to today),
 * apart from ids and timestamps. Each kind of record has its own random stream, so
 * changing how many trainees are asked for leaves the startups and mentors as they were.
 */
import type { z } from 'zod';
import { api } from '../../shared/api/index.js';
import { cohortsTable, programmesTable, type Cohort, type Programme } from '../../shared/records/programmes.js';
import { foundersTable, milestonesTable, startupsTable, type Stage, type Startup } from '../../shared/records/startups.js';
import { mentorAssignmentsTable, mentorsTable, type Mentor, type MentorAssignment } from '../../shared/records/mentors.js';
import {
  certificationsTable,
  enrolmentsTable,
  placementsTable,
  traineesTable,
  type Trainee,
} from '../../shared/records/trainees.js';
import type { Ctx, SessionUser } from '../context.js';
import { quarterRange } from '../../shared/reports/quarters.js';
import type { Core } from '../host/core.js';
import { cohorts, programmes } from '../programmes/programmes.service.js';
import { founders, milestones, startups } from '../startups/startups.service.js';
import { saveMetrics, setLocked } from '../startups/metrics.service.js';
import { assignments, mentors } from '../mentors/mentors.service.js';
import { recordSession } from '../sessions/sessions.service.js';
import { trainees } from '../trainees/trainees.service.js';
import { enrolments } from '../trainees/enrolments.service.js';
import { certifications, placements } from '../trainees/outcomes.service.js';
import {
  ACTION_ITEMS,
  CITIES,
  DIASPORA,
  EMAIL_DOMAINS,
  EMPLOYERS,
  FEMALE_FIRST_NAMES,
  FOUNDER_ROLES,
  FREELANCE_PLATFORMS,
  FUNDING_SOURCES,
  GENERAL_SKILLS,
  INCUBATION_PROGRAMME,
  LOCAL_MENTOR_ORGANISATIONS,
  MALE_FIRST_NAMES,
  MENTOR_AVAILABILITY,
  MENTOR_EXPERTISE,
  MILESTONE_TITLES,
  MOBILE_CODES,
  NATIONAL_FAMILY_NAMES,
  REGIONAL_FAMILY_NAMES,
  SECTORS,
  SESSION_NOTES,
  SESSION_TOPICS,
  STARTUP_SUFFIXES,
  TRAINING_TRACKS,
  type City,
  type Diaspora,
  type District,
  type SectorWords,
  type Track,
} from './data.js';
import { Random, WeightedTable } from './random.js';

export interface SeedCounts {
  startups: number;
  mentors: number;
  trainees: number;
  sessions: number;
}

export interface SeedProgress {
  stage: string;
  done: number;
  total: number;
}

export interface SeedOptions extends SeedCounts {
  seed: number;
  /** Rows (roughly) per transaction. */
  batchRows?: number;
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedSummary {
  seed: number;
  /** Rows written per table. */
  created: Record<string, number>;
  seconds: number;
}

export const DEFAULT_SEED_COUNTS: SeedCounts = { startups: 40, mentors: 25, trainees: 1000, sessions: 400 };

const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------
// Dates (all calendar dates as YYYY-MM-DD in UTC)

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
function dateMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}
function addDays(date: string, days: number): string {
  return isoDate(dateMs(date) + days * DAY);
}
function addMonths(date: string, months: number): string {
  const d = new Date(dateMs(date));
  d.setUTCMonth(d.getUTCMonth() + months);
  return isoDate(d.getTime());
}
function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}
function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
function daysBetween(from: string, to: string): number {
  return Math.round((dateMs(to) - dateMs(from)) / DAY);
}
function randomDate(random: Random, from: string, to: string): string {
  return addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));
}
function quarterOfDate(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}
function previousQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

// ---------------------------------------------------------------------------------------
// Unique numbers: a bijection from a running index to n-digit numbers, so CNICs, phones and
// registration numbers never repeat (within a table) however many are made, without a set.

/** i → a distinct number in [1, 9,999,999] for i in [0, 9,999,999). 7919 is prime to 9,999,999. */
function spread7(i: number, salt: number): number {
  return 1 + ((((i + salt) % 9_999_999) * 7919) % 9_999_999);
}
const pad = (n: number, width: number) => String(n).padStart(width, '0');

// ---------------------------------------------------------------------------------------
// People

interface Person {
  first: string;
  family: string;
  name: string;
  gender: 'female' | 'male';
}

const maleNames = new WeightedTable(MALE_FIRST_NAMES);
const femaleNames = new WeightedTable(FEMALE_FIRST_NAMES);
const traineeCities = new WeightedTable(CITIES.filter((c) => c.trainees).map((c) => [c, c.weight] as const));
const allCities = new WeightedTable(CITIES.map((c) => [c, c.weight] as const));
const emailDomains = new WeightedTable(EMAIL_DOMAINS);
const sectors = new WeightedTable(SECTORS.map((s) => [s, s.weight] as const));
const tracks = new WeightedTable(TRAINING_TRACKS.map((t) => [t, t.weight] as const));

function person(random: Random, gender: 'female' | 'male', city: City, muhammadShare = 0.12): Person {
  const first = gender === 'female' ? femaleNames.pick(random) : maleNames.pick(random);
  const family = random.chance(0.5) ? random.pick(REGIONAL_FAMILY_NAMES[city.region]) : random.pick(NATIONAL_FAMILY_NAMES);
  const given = gender === 'male' && random.chance(muhammadShare) ? `Muhammad ${first}` : first;
  return { first, family, name: `${given} ${family}`, gender };
}

function mobile(random: Random, subscriber: number): string {
  return `+92${random.pick(MOBILE_CODES)}${pad(subscriber, 7)}`;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

// ---------------------------------------------------------------------------------------
// The writer: service calls with one context, grouped into transactions

type Schema = z.ZodType<Record<string, unknown>, unknown>;

class Writer {
  readonly created: Record<string, number> = {};
  ctx: Ctx;

  constructor(
    readonly core: Core,
    user: SessionUser,
    private readonly batchRows: number,
    private readonly onProgress: (p: SeedProgress) => void,
  ) {
    this.ctx = core.context(user);
  }

  count(table: string, n = 1): void {
    this.created[table] = (this.created[table] ?? 0) + n;
  }

  /** Parses the input with the call's schema and runs the service function. */
  write<T>(table: string, schema: z.ZodType, input: Record<string, unknown>, service: (ctx: Ctx, parsed: never) => T): T {
    const parsed = (schema as Schema).parse(input);
    const result = service(this.ctx, parsed as never);
    this.count(table);
    return result;
  }

  /**
   * Runs `make(i)` for i in [0, total), committing every `perBatch` items (about batchRows
   * rows, given how many rows one item writes) and reporting progress after each commit.
   */
  batches(stage: string, total: number, rowsPerItem: number, make: (i: number) => void): void {
    const perBatch = Math.max(1, Math.floor(this.batchRows / rowsPerItem));
    for (let start = 0; start < total; start += perBatch) {
      const end = Math.min(total, start + perBatch);
      this.core.db.transaction(() => {
        for (let i = start; i < end; i++) make(i);
      })();
      this.onProgress({ stage, done: end, total });
    }
  }

  /**
   * Runs `make` as if on `date` (yyyy-mm-dd): the services see that day as today (a stage
   * change is dated then) and rows are created then, so the demo centre has a past that
   * quarterly reports can look back on. A day from today on runs as today.
   */
  during<T>(date: string, make: () => T): T {
    const at = new Date(`${date}T09:00:00Z`);
    if (at.getTime() >= this.ctx.now().getTime()) return make();
    const real = this.ctx;
    this.ctx = { ...real, now: () => at };
    try {
      return real.rows.backdated(at, make);
    } finally {
      this.ctx = real;
    }
  }

  existing(table: string): number {
    return (this.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
}

// ---------------------------------------------------------------------------------------

interface SeededCohort {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  track: Track | null;
}

interface SeededStartup {
  id: string;
  stage: Stage;
  city: City;
  founder: string;
  cohort: SeededCohort | null;
  foundedOn: string;
}

interface SeededMentor {
  id: string;
  first: string;
  abroad: Diaspora | null;
}

interface Window {
  mentor: SeededMentor;
  startup: SeededStartup;
  from: string;
  to: string;
}

export function seedDemoData(core: Core, user: SessionUser, opts: SeedOptions): SeedSummary {
  const started = performance.now();
  for (const [key, n] of Object.entries({
    startups: opts.startups,
    mentors: opts.mentors,
    trainees: opts.trainees,
    sessions: opts.sessions,
  })) {
    if (!Number.isInteger(n) || n < 0) throw new Error(`${key} must be a whole number of at least 0`);
  }
  if (opts.sessions > 0 && (opts.mentors === 0 || opts.startups === 0)) {
    throw new Error('Sessions need mentors and startups: seed at least one of each with them');
  }
  const writer = new Writer(core, user, opts.batchRows ?? 5000, opts.onProgress ?? (() => {}));
  const today = writer.ctx.now().toISOString().slice(0, 10);
  const seed = opts.seed >>> 0;

  const restore = tuneForBulkWrites(core);
  try {
    const { incubation, training } = writer.core.db.transaction(() => seedProgrammes(writer, seed, today, opts))();
    const seededStartups = seedStartups(writer, seed, today, opts.startups, incubation);
    const seededMentors = seedMentors(writer, seed, opts.mentors);
    const windows = seedAssignments(writer, seed, today, seededStartups, seededMentors);
    seedSessions(writer, seed, today, opts.sessions, windows);
    seedTrainees(writer, seed, today, opts.trainees, training, seededStartups);
  } finally {
    restore();
  }
  core.db.pragma('optimize');
  return { seed, created: writer.created, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

/**
 * Connection settings for a bulk write, put back afterwards: a bigger page cache (the
 * indexes of a few hundred thousand rows stay in memory), checkpoints every 64 MB of WAL
 * instead of every 4 MB, and synchronous=NORMAL, which in WAL mode still never corrupts the
 * database but may lose the last batches on a power cut (a seed can simply be run again).
 */
function tuneForBulkWrites(core: Core): () => void {
  const db = core.db;
  const saved = {
    cache_size: db.pragma('cache_size', { simple: true }) as number,
    synchronous: db.pragma('synchronous', { simple: true }) as number,
    wal_autocheckpoint: db.pragma('wal_autocheckpoint', { simple: true }) as number,
  };
  db.pragma('cache_size = -524288');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 16384');
  return () => {
    db.pragma(`cache_size = ${saved.cache_size}`);
    db.pragma(`synchronous = ${saved.synchronous}`);
    db.pragma(`wal_autocheckpoint = ${saved.wal_autocheckpoint}`);
    db.pragma('wal_checkpoint(PASSIVE)');
  };
}

// ---------------------------------------------------------------------------------------

function seedProgrammes(
  w: Writer,
  seed: number,
  today: string,
  counts: SeedCounts,
): { incubation: SeededCohort[]; training: Map<Track, SeededCohort[]> } {
  const random = Random.stream(seed, 'programmes');
  const incubation: SeededCohort[] = [];
  const training = new Map<Track, SeededCohort[]>();
  const begin = firstOfMonth(addMonths(today, -24));

  // A second seed into the same folder reuses the programmes (and cohorts) of the first.
  const programme = (kind: 'incubation' | 'training', name: string, endDate: string, description: string) => {
    const found = w.core.db
      .prepare('SELECT id FROM programmes WHERE kind = ? AND name = ? AND deleted = 0 ORDER BY created_at LIMIT 1')
      .get(kind, name) as { id: string } | undefined;
    if (found) return { id: found.id, existing: true };
    const row = w.write<Programme>(
      'programmes',
      programmesTable.createInput,
      { kind, name, startDate: begin, endDate, description },
      programmes.create,
    );
    return { id: row.id, existing: false };
  };
  const cohort = (programmeId: string, name: string, startDate: string, endDate: string, track: Track | null): SeededCohort => {
    const row = w.write<Cohort>('cohorts', cohortsTable.createInput, { programmeId, name, startDate, endDate }, cohorts.create);
    return { id: row.id, name: row.name, startDate, endDate, track };
  };
  const existingCohorts = (programmeId: string, track: Track | null): SeededCohort[] =>
    (
      w.core.db
        .prepare(
          `SELECT id, name, start_date AS startDate, end_date AS endDate FROM cohorts
           WHERE programme_id = ? AND deleted = 0 AND start_date IS NOT NULL AND end_date IS NOT NULL ORDER BY start_date, id`,
        )
        .all(programmeId) as Omit<SeededCohort, 'track'>[]
    ).map((c) => ({ ...c, track }));

  if (counts.startups > 0) {
    const end = addDays(firstOfMonth(addMonths(today, 12)), -1);
    const p = programme(
      'incubation',
      INCUBATION_PROGRAMME,
      end,
      'Six months of workspace, mentoring and investor access for early-stage startups.',
    );
    if (p.existing) incubation.push(...existingCohorts(p.id, null));
    // A cohort every quarter for two years and the next one, each six months long.
    for (let i = 0; i < 10 && !p.existing; i++) {
      const start = addMonths(begin, i * 3);
      const stop = minDate(addDays(addMonths(start, 6), -1), end);
      incubation.push(cohort(p.id, `Cohort ${i + 1}`, start, stop, null));
    }
  }
  if (counts.trainees > 0) {
    const end = addDays(firstOfMonth(addMonths(today, 6)), -1);
    for (const track of TRAINING_TRACKS) {
      const p = programme('training', track.programme, end, `Hands-on training leading to the ${track.certificate} certificate.`);
      const list: SeededCohort[] = p.existing ? existingCohorts(p.id, track) : [];
      // A batch starts every three months; each runs three or four months.
      for (let i = 0; !p.existing; i++) {
        const start = addMonths(begin, i * 3 + random.int(0, 1));
        const stop = addDays(addMonths(start, random.int(3, 4)), -1);
        if (stop > end) break;
        list.push(cohort(p.id, `${track.programme} – Batch ${i + 1}`, start, stop, track));
      }
      training.set(track, list);
    }
  }
  return { incubation, training };
}

// ---------------------------------------------------------------------------------------

const STAGES: ReadonlyArray<readonly [Stage, number]> = [
  ['applied', 15],
  ['incubated', 50],
  ['graduated', 25],
  ['dropped', 10],
];

function startupName(random: Random, words: SectorWords, city: City, taken: Set<string>): string {
  for (let attempt = 0; attempt < 6; attempt++) {
    const stem = random.pick(words.stems);
    const suffix = random.pick(STARTUP_SUFFIXES);
    const name = suffix === 'ly' || random.chance(0.4) ? `${stem}${suffix}` : `${stem} ${suffix}`;
    if (!taken.has(name)) return name;
  }
  let name = `${random.pick(words.stems)} ${city.name}`;
  for (let n = 2; taken.has(name); n++) name = `${random.pick(words.stems)} ${city.name} ${n}`;
  return name;
}

function seedStartups(w: Writer, seed: number, today: string, total: number, cohortsList: SeededCohort[]): SeededStartup[] {
  const random = Random.stream(seed, 'startups');
  const out: SeededStartup[] = [];
  const taken = new Set((w.core.db.prepare('SELECT name FROM startups').all() as { name: string }[]).map((r) => r.name));
  const base = w.existing('startups');
  const founderBase = w.existing('founders');
  const started = cohortsList.filter((c) => c.startDate <= today);
  const ended = started.filter((c) => c.endDate < today);
  const running = started.filter((c) => c.endDate >= today);
  const upcoming = cohortsList.filter((c) => c.startDate > today);
  const lastQuarter = previousQuarter(quarterOfDate(today));

  // One startup writes about a dozen rows (itself, stage change, founders, milestones, check-ins).
  w.batches('startups', total, 12, (i) => {
    const words = sectors.pick(random);
    const city = allCities.pick(random);
    const stage = random.weighted(STAGES);
    const womenLed = random.chance(0.25);
    const name = startupName(random, words, city, taken);
    taken.add(name);
    const cohortChoices =
      stage === 'graduated'
        ? ended
        : stage === 'incubated'
          ? running.length
            ? running
            : started
          : stage === 'applied'
            ? upcoming
            : started;
    const cohort = cohortChoices.length ? random.pick(cohortChoices) : null;
    const foundedBefore = cohort ? minDate(cohort.startDate, today) : addDays(today, -30);
    const foundedOn = addDays(foundedBefore, -random.int(60, 2000));
    const site = slug(name);
    const tld = random.chance(0.6) ? 'pk' : 'com';
    // Every startup applies first (weeks before its cohort starts), then is inducted when the
    // cohort starts, and graduates when it ends or drops out during it: the stage changes are
    // dated so, and quarterly reports of past quarters see the pipeline move.
    const appliedOn = minDate(
      maxDate(
        cohort ? addDays(cohort.startDate, -random.int(20, 59)) : addDays(today, -random.int(10, 300)),
        addDays(foundedOn, 7),
      ),
      today,
    );
    const row = w.during(appliedOn, () =>
      w.write<Startup>(
        'startups',
        startupsTable.createInput,
        {
          name,
          sector: words.sector,
          stage: 'applied',
          cohortId: cohort?.id ?? null,
          foundedOn,
          website: random.chance(0.85) ? `https://${site}.${tld}` : null,
          description: random.pick(words.descriptions).replace('{city}', city.name),
          womenLed,
          city: city.name,
          contactEmail: `${random.pick(['hello', 'info', 'team', 'contact'])}@${site}.${tld}`,
          contactPhone: mobile(random, spread7(base + i, 4_000_000)),
          registrationNo: random.chance(0.75) ? pad(spread7(base + i, 2_000_000), 7) : null,
        },
        startups.create,
      ),
    );
    w.count('stage_changes');
    const moveTo = (to: Stage, on: string) => {
      w.during(minDate(on, today), () => startups.update(w.ctx, { id: row.id, patch: { stage: to } }));
      w.count('stage_changes');
    };
    if (stage !== 'applied') {
      const inductedOn = minDate(maxDate(cohort?.startDate ?? addDays(appliedOn, random.int(14, 60)), appliedOn), today);
      moveTo('incubated', inductedOn);
      if (stage === 'graduated') moveTo('graduated', maxDate(cohort?.endDate ?? addDays(inductedOn, 180), inductedOn));
      if (stage === 'dropped') moveTo('dropped', randomDate(random, inductedOn, minDate(cohort?.endDate ?? today, today)));
    }

    // Founders: a women-led startup's lead founder is a woman.
    const founderCount = random.weighted([
      [1, 3],
      [2, 5],
      [3, 2],
    ] as const);
    let lead = '';
    for (let f = 0; f < founderCount; f++) {
      const gender = (f === 0 && womenLed) || random.chance(0.2) ? 'female' : 'male';
      const who = person(random, gender, city);
      if (f === 0) lead = who.first;
      w.write(
        'founders',
        foundersTable.createInput,
        {
          startupId: row.id,
          name: who.name,
          gender,
          email: `${slug(who.first)}@${site}.${tld}`,
          phone: mobile(random, spread7(founderBase + i * 3 + f, 5_000_000)),
          role: FOUNDER_ROLES[f] ?? 'Co-founder',
        },
        founders.create,
      );
    }

    // Milestones: past ones done, missed or still in progress; future ones planned.
    for (const title of random.sample(MILESTONE_TITLES, random.int(2, 4))) {
      const dueOn = maxDate(addDays(today, random.int(-300, 200)), addDays(foundedOn, 30));
      let status: 'planned' | 'in-progress' | 'done' | 'missed';
      if (dueOn < today)
        status = random.weighted([
          ['done', 65],
          ['missed', 20],
          ['in-progress', 15],
        ] as const);
      else
        status = random.weighted([
          ['planned', 60],
          ['in-progress', 30],
          ['done', 10],
        ] as const);
      const completedOn = status === 'done' ? minDate(addDays(dueOn, -random.int(0, 20)), today) : null;
      w.write(
        'milestones',
        milestonesTable.createInput,
        { startupId: row.id, title, dueOn, status, completedOn },
        milestones.create,
      );
    }

    // Quarterly check-ins for the last four full quarters in the programme.
    if (stage === 'incubated' || stage === 'graduated') {
      let revenue = Math.round(random.around(600_000, 500_000, 0, 3_000_000) / 1000) * 1000;
      let jobs = random.int(2, 12);
      const exporter = ['ai', 'saas', 'manufacturing', 'e-commerce'].includes(words.sector) && random.chance(0.35);
      const quarters: string[] = [];
      for (let q = lastQuarter; quarters.length < 4; q = previousQuarter(q)) quarters.unshift(q);
      for (const quarter of quarters) {
        if (quarter < quarterOfDate(foundedOn)) continue;
        revenue = Math.round((revenue * random.around(1.15, 0.2, 0.7, 1.8)) / 1000) * 1000;
        jobs = Math.max(1, jobs + random.int(-1, 3));
        const partTime = random.int(0, 4);
        const raised = random.chance(0.2) ? random.int(5, 150) * 100_000 : 0;
        // Entered in the first days after the quarter ends.
        const enteredOn = addDays(quarterRange(quarter).end, random.int(3, 20));
        w.during(enteredOn, () =>
          w.write(
            'quarterly_metrics',
            api['metrics.save'].input,
            {
              startupId: row.id,
              quarter,
              values: {
                revenuePkr: revenue,
                exportRevenueUsd: exporter ? Math.round(revenue / 280 / 2) : null,
                fundingCommittedPkr: raised ? raised + random.int(0, 50) * 100_000 : 0,
                fundingRaisedPkr: raised,
                fundingSource: raised ? random.pick(FUNDING_SOURCES) : null,
                jobsFullTime: jobs,
                jobsPartTime: partTime,
                jobsWomen: Math.min(jobs + partTime, Math.round((jobs + partTime) * (womenLed ? 0.55 : 0.2))),
                customers: Math.round(revenue / random.int(2_000, 40_000)) + random.int(1, 10),
              },
            },
            saveMetrics,
          ),
        );
        // A manager signs most check-ins off a few weeks later (not all of the last quarter's yet).
        if (random.chance(quarter === lastQuarter ? 0.5 : 0.9)) {
          w.during(addDays(enteredOn, random.int(5, 30)), () => setLocked(w.ctx, row.id, quarter, true));
        }
      }
    }
    out.push({ id: row.id, stage, city, founder: lead, cohort, foundedOn });
  });
  return out;
}

// ---------------------------------------------------------------------------------------

function seedMentors(w: Writer, seed: number, total: number): SeededMentor[] {
  const random = Random.stream(seed, 'mentors');
  const out: SeededMentor[] = [];
  const emails = new Set(
    (w.core.db.prepare('SELECT email FROM mentors WHERE email IS NOT NULL').all() as { email: string }[]).map((r) => r.email),
  );
  const base = w.existing('mentors');
  w.batches('mentors', total, 2, (i) => {
    const abroad = random.chance(0.25) ? random.pick(DIASPORA) : null;
    const home = allCities.pick(random);
    const gender = random.chance(0.3) ? 'female' : 'male';
    const who = person(random, gender, home, 0.05);
    const organisation = abroad ? random.pick(abroad.organisations) : random.pick(LOCAL_MENTOR_ORGANISATIONS);
    let email = `${slug(who.first)}.${slug(who.family)}@${random.weighted(EMAIL_DOMAINS)}`;
    for (let n = 2; emails.has(email); n++) email = email.replace(/(\d*)@/, `${n}@`);
    emails.add(email);
    const phone = abroad
      ? `+${abroad.phone.country}${random.pick(abroad.phone.prefixes)}${pad(random.int(0, 10 ** abroad.phone.digits - 1), abroad.phone.digits)}`
      : mobile(random, spread7(base + i, 6_000_000));
    const row = w.write<Mentor>(
      'mentors',
      mentorsTable.createInput,
      {
        name: who.name,
        organisation,
        expertise: random.sample(MENTOR_EXPERTISE, random.int(2, 5)),
        city: abroad ? abroad.city : home.name,
        country: abroad ? abroad.country : 'Pakistan',
        timeZone: abroad ? abroad.timeZone : 'Asia/Karachi',
        email,
        phone,
        availability: random.pick(MENTOR_AVAILABILITY),
      },
      mentors.create,
    );
    out.push({ id: row.id, first: who.first, abroad });
  });
  return out;
}

/** Mentors assigned to startups in (or through) the programme; returns when each pair can meet. */
function seedAssignments(
  w: Writer,
  seed: number,
  today: string,
  startupList: SeededStartup[],
  mentorList: SeededMentor[],
): Window[] {
  const random = Random.stream(seed, 'assignments');
  const windows: Window[] = [];
  if (mentorList.length === 0) return windows;
  const yearAgo = addDays(today, -365);
  const yesterday = addDays(today, -1);
  const eligible = startupList.filter((s) => s.stage !== 'applied');
  w.batches('assignments', eligible.length, 3, (i) => {
    const startup = eligible[i]!;
    const count = startup.stage === 'incubated' ? random.int(1, 3) : startup.stage === 'graduated' ? random.int(1, 2) : 1;
    for (const mentor of random.sample(mentorList, count)) {
      const fromDate = startup.cohort ? startup.cohort.startDate : maxDate(startup.foundedOn, addDays(today, -400));
      const toDate =
        startup.stage === 'graduated' && startup.cohort
          ? startup.cohort.endDate
          : startup.stage === 'dropped'
            ? minDate(addDays(fromDate, random.int(30, 120)), yesterday)
            : null;
      w.write<MentorAssignment>(
        'mentor_assignments',
        mentorAssignmentsTable.createInput,
        { mentorId: mentor.id, startupId: startup.id, fromDate, toDate: toDate && toDate < fromDate ? fromDate : toDate },
        assignments.create,
      );
      const from = maxDate(fromDate, yearAgo);
      const to = minDate(toDate ?? yesterday, yesterday);
      if (from <= to) windows.push({ mentor, startup, from, to });
    }
  });
  return windows;
}

function seedSessions(w: Writer, seed: number, today: string, total: number, windows: Window[]): void {
  const random = Random.stream(seed, 'sessions');
  if (total === 0) return;
  if (windows.length === 0) throw new Error('No mentor is assigned to a startup in the last year, so no sessions can be logged');
  const minutes = new WeightedTable<number>([
    [30, 2],
    [45, 2],
    [60, 5],
    [90, 2],
    [120, 1],
  ]);
  // A session with its action items writes about three rows.
  w.batches('sessions', total, 3, () => {
    const { mentor, startup, from, to } = random.pick(windows);
    const day = randomDate(random, from, to);
    // Pakistan office hours (UTC+5); with a mentor abroad, late afternoon or evening in Pakistan.
    const pkHour = mentor.abroad ? random.int(16, 21) : random.int(9, 17);
    const startsAt = `${day}T${pad(pkHour - 5, 2)}:${random.pick(['00', '15', '30', '45'])}:00Z`;
    const mode = mentor.abroad
      ? random.weighted([
          ['online', 85],
          ['phone', 15],
        ] as const)
      : random.weighted([
          ['in-person', 55],
          ['online', 35],
          ['phone', 10],
        ] as const);
    const itemCount = random.weighted([
      [0, 2],
      [1, 3],
      [2, 3],
      [3, 2],
    ] as const);
    const actionItems = Array.from({ length: itemCount }, () => {
      const dueOn = addDays(day, random.int(7, 30));
      const done = dueOn < today ? random.chance(0.7) : random.chance(0.1);
      return {
        text: random.pick(ACTION_ITEMS).replace('{city}', startup.city.name).replace('{employer}', random.pick(EMPLOYERS)),
        owner: random.chance(0.75) ? startup.founder : mentor.first,
        dueOn,
        done,
        // Most are done by their due day, some late; none after today.
        doneOn: done ? minDate(addDays(day, random.int(1, 40)), today) : null,
      };
    });
    const session = w.write<{ actionItems: unknown[] }>(
      'mentoring_sessions',
      api['sessions.record'].input,
      {
        mentorId: mentor.id,
        startupId: startup.id,
        startsAt,
        minutes: minutes.pick(random),
        mode,
        topics: random.sample(SESSION_TOPICS, random.int(1, 3)),
        notes: random.chance(0.7) ? random.pick(SESSION_NOTES) : null,
        actionItems,
      },
      recordSession,
    );
    w.count('action_items', session.actionItems.length);
  });
}

// ---------------------------------------------------------------------------------------

function seedTrainees(
  w: Writer,
  seed: number,
  today: string,
  total: number,
  training: Map<Track, SeededCohort[]>,
  startupList: SeededStartup[],
): void {
  const random = Random.stream(seed, 'trainees');
  const base = w.existing('trainees');
  const certificateBase = w.existing('certifications');
  const centreCity = (w.core.db.prepare('SELECT city FROM centres LIMIT 1').get() as { city: string | null } | undefined)?.city;
  const centreCode =
    (centreCity ?? 'NIC')
      .replace(/[^A-Za-z]/g, '')
      .slice(0, 3)
      .toUpperCase() || 'NIC';
  const startedCohorts = new Map<Track, SeededCohort[]>(
    [...training].map(([track, list]) => [track, list.filter((c) => c.startDate <= today)]),
  );
  const ventures = startupList.filter((s) => s.stage !== 'dropped');
  const minAge = addDays(today, -18 * 365 - 5);
  const maxAge = addDays(today, -35 * 365);
  let certificates = 0;

  const enrol = (traineeId: string, track: Track) => {
    const options = startedCohorts.get(track) ?? [];
    if (options.length === 0) return null;
    const cohort = random.pick(options);
    const finished = cohort.endDate < today;
    const status = finished
      ? random.weighted([
          ['completed', 78],
          ['dropped', 22],
        ] as const)
      : random.weighted([
          ['enrolled', 92],
          ['dropped', 8],
        ] as const);
    const completedOn = status === 'completed' ? cohort.endDate : null;
    // Enrolled when the cohort started; completed when it ended, or dropped out during it.
    const score = status === 'completed' ? Math.round(random.around(74, 18, 35, 100) * 10) / 10 : null;
    const enrolment = w.during(cohort.startDate, () =>
      w.write<{ id: string }>(
        'enrolments',
        enrolmentsTable.createInput,
        { traineeId, cohortId: cohort.id, status: 'enrolled' },
        enrolments.create,
      ),
    );
    if (status !== 'enrolled') {
      const on = completedOn ?? randomDate(random, cohort.startDate, minDate(cohort.endDate, today));
      w.during(on, () => enrolments.update(w.ctx, { id: enrolment.id, patch: { status, score, completedOn } }));
    }
    return completedOn;
  };

  // A trainee with an enrolment and, often, a certificate or placement: about three rows.
  w.batches('trainees', total, 3, (i) => {
    const n = base + i;
    const city = traineeCities.pick(random);
    const district: District = random.pick(city.districts);
    const gender = random.chance(0.42) ? 'female' : 'male';
    const who = person(random, gender, city);
    const track = tracks.pick(random);
    const skills = random.sample(track.skills, random.int(2, 5));
    if (random.chance(0.3)) skills.push(random.pick(GENERAL_SKILLS));
    // CNIC: the district's locality code, a unique serial, and a last digit that is odd for
    // men and even for women, as on real cards.
    const check = gender === 'male' ? random.pick([1, 3, 5, 7, 9]) : random.pick([0, 2, 4, 6, 8]);
    const cnic = `${district.cnicPrefix}-${pad(spread7(n, 0), 7)}-${check}`;
    const sep = random.pick(['.', '_', '']);
    const email = random.chance(0.88) ? `${slug(who.first)}${sep}${slug(who.family)}${n + 1}@${emailDomains.pick(random)}` : null;
    const trainee = w.write<Trainee>(
      'trainees',
      traineesTable.createInput,
      {
        name: who.name,
        cnic,
        email,
        phone: random.chance(0.95) ? mobile(random, spread7(n, 3_000_000)) : null,
        gender,
        city: city.name,
        district: district.name,
        dateOfBirth: randomDate(random, maxAge, minAge),
        skills,
        consent: random.chance(0.8),
      },
      trainees.create,
    );

    const completedOn = enrol(trainee.id, track);
    if (random.chance(0.07)) {
      const other = tracks.pick(random);
      if (other !== track) enrol(trainee.id, other);
    }
    if (!completedOn) return;

    if (random.chance(0.8)) {
      const issuedOn = minDate(addDays(completedOn, random.int(0, 21)), today);
      certificates += 1;
      w.write(
        'certifications',
        certificationsTable.createInput,
        {
          traineeId: trainee.id,
          title: track.certificate,
          issuedOn,
          certificateNo: `${centreCode}-${issuedOn.slice(0, 4)}-${pad(certificateBase + certificates, 6)}`,
        },
        certifications.create,
      );
    }
    if (random.chance(0.45)) {
      const startedOn = addDays(completedOn, random.int(7, 150));
      if (startedOn > today) return;
      const kind = random.weighted([
        ['job', 45],
        ['freelance', 35],
        ['internship', 12],
        ['founder', 8],
      ] as const);
      const startup = kind === 'founder' && ventures.length ? random.pick(ventures) : null;
      const income =
        kind === 'job'
          ? random.around(110_000, 50_000, 45_000, 400_000)
          : kind === 'freelance'
            ? random.around(90_000, 60_000, 15_000, 500_000)
            : kind === 'internship'
              ? random.int(25_000, 60_000)
              : null;
      w.write(
        'placements',
        placementsTable.createInput,
        {
          traineeId: trainee.id,
          kind,
          employer:
            kind === 'job' || kind === 'internship'
              ? random.pick(EMPLOYERS)
              : kind === 'freelance'
                ? random.pick(FREELANCE_PLATFORMS)
                : null,
          startupId: startup?.id ?? null,
          startedOn,
          monthlyIncomePkr: income === null ? null : Math.round(income / 1000) * 1000,
        },
        placements.create,
      );
    }
  });
}
