/**
 * Random record edits for the sync simulation, through the same API calls the UI makes:
 * create, update (a few random fields) and delete of startups, mentors, founders and
 * milestones, on records a workstation holds whether it made them or received them by sync.
 */
import type Database from 'better-sqlite3';
import type { Method } from '../../shared/api/index.js';
import { Gender } from '../../shared/records/base.js';
import { MilestoneStatus, Sector, Stage } from '../../shared/records/startups.js';
import { prng } from './faulty-network.js';

export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = prng(seed);
  }

  float(): number {
    return this.next();
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[this.int(items.length)]!;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** Between min and max distinct items, in random order. */
  some<T>(items: readonly T[], min: number, max: number): T[] {
    return this.shuffle(items).slice(0, Math.min(items.length, min + this.int(max - min + 1)));
  }

  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let r = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, weight] of entries) {
      if (r < weight) return key;
      r -= weight;
    }
    return entries.at(-1)![0];
  }
}

type Gen = (r: Rng) => unknown;

const WORDS = ['Tez', 'Bazaar', 'Kisan', 'Sehat', 'Ilm', 'Safar', 'Roshni', 'Zameen', 'Chai', 'Dastak', 'Hunar', 'Pani'];
const SUFFIXES = ['Pay', 'Labs', 'Hub', 'Link', 'Works', 'Box', 'Cart', 'Go'];
const PEOPLE = ['Ayesha', 'Bilal', 'Fatima', 'Hamza', 'Sana', 'Usman', 'Zainab', 'Omar', 'Hira', 'Saad'];
const SURNAMES = ['Khan', 'Malik', 'Qureshi', 'Siddiqui', 'Butt', 'Chaudhry', 'Shah', 'Raza'];
const CITIES = ['Karachi', 'Lahore', 'Quetta', 'Peshawar', 'Multan', 'Hyderabad'];
const TAGS = ['fintech', 'marketing', 'sales', 'legal', 'ai', 'fundraising', 'hiring', 'export', 'design'];

const orNull =
  (p: number, gen: Gen): Gen =>
  (r) =>
    r.chance(p) ? gen(r) : null;
/** A date safely in the past on every skewed clock. */
const pastDate: Gen = (r) =>
  `20${10 + r.int(14)}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`;
const person: Gen = (r) => `${r.pick(PEOPLE)} ${r.pick(SURNAMES)}`;
const email: Gen = (r) => `${r.pick(PEOPLE).toLowerCase()}${r.int(10_000)}@example.pk`;

/** Field generators of each table's editable fields (not references, not unique ones). */
export const FIELDS = {
  startups: {
    name: (r) => `${r.pick(WORDS)} ${r.pick(SUFFIXES)} ${r.int(1000)}`,
    sector: (r) => r.pick(Sector.options),
    stage: (r) => r.pick(Stage.options),
    city: orNull(0.8, (r) => r.pick(CITIES)),
    description: orNull(0.8, (r) => `Note ${r.int(1_000_000)}: ${r.pick(WORDS)} ${r.pick(WORDS)}`),
    womenLed: (r) => r.chance(0.5),
    website: orNull(0.8, (r) => `https://${r.pick(WORDS).toLowerCase()}${r.int(1000)}.pk`),
    contactEmail: orNull(0.8, email),
    foundedOn: orNull(0.8, pastDate),
  },
  mentors: {
    name: person,
    organisation: orNull(0.8, (r) => `${r.pick(WORDS)} ${r.pick(['Capital', 'Ventures', 'Bank', 'University'])}`),
    expertise: (r) => r.some(TAGS, 0, 3),
    city: orNull(0.8, (r) => r.pick(CITIES)),
    country: (r) => r.pick(['Pakistan', 'United Kingdom', 'UAE']),
    timeZone: (r) => r.pick(['Asia/Karachi', 'Europe/London', 'Asia/Dubai']),
    email: orNull(0.8, email),
    availability: orNull(0.7, (r) => `${r.pick(['Mondays', 'Weekends', 'Evenings'])} ${r.int(100)}`),
  },
  founders: {
    name: person,
    gender: orNull(0.8, (r) => r.pick(Gender.options)),
    email: orNull(0.8, email),
    role: orNull(0.8, (r) => r.pick(['CEO', 'CTO', 'COO', 'Designer'])),
  },
  milestones: {
    title: (r) => `${r.pick(['Launch', 'First sale', 'Seed round', 'Pilot', 'Hire CTO'])} ${r.int(100)}`,
    dueOn: orNull(0.8, pastDate),
    status: (r) => r.pick(MilestoneStatus.options),
  },
} satisfies Record<string, Record<string, Gen>>;

export type EditTable = keyof typeof FIELDS;
export const EDIT_TABLES = Object.keys(FIELDS) as EditTable[];
const API_PREFIX: Record<EditTable, string> = {
  startups: 'startups',
  mentors: 'mentors',
  founders: 'founders',
  milestones: 'milestones',
};

export interface PlannedCall {
  method: Method;
  input: Record<string, unknown>;
}

/** Live rows of a table on this workstation, in a stable order. */
export function liveIds(db: Database.Database, table: EditTable): string[] {
  const national = table === 'mentors' ? ' AND centre_id IS NOT NULL' : '';
  return (db.prepare(`SELECT id FROM ${table} WHERE deleted = 0${national} ORDER BY id`).all() as { id: string }[]).map(
    (r) => r.id,
  );
}

function fieldsOf(table: EditTable): Record<string, Gen> {
  return FIELDS[table] as Record<string, Gen>;
}

/** Values for the given fields (a milestone not done gets no completion date). */
export function patchOf(r: Rng, table: EditTable, fields: readonly string[]): Record<string, unknown> {
  const gens = fieldsOf(table);
  const patch: Record<string, unknown> = {};
  for (const field of fields) patch[field] = gens[field]!(r);
  if (table === 'milestones' && 'status' in patch && patch.status !== 'done') patch.completedOn = null;
  return patch;
}

export function randomFields(r: Rng, table: EditTable, min: number, max: number): string[] {
  return r.some(Object.keys(fieldsOf(table)), min, max);
}

export function planCreate(r: Rng, db: Database.Database, table: EditTable): PlannedCall | null {
  const input = patchOf(r, table, randomFields(r, table, 1, 99));
  if (table === 'startups') input.name ??= FIELDS.startups.name(r);
  if (table === 'mentors') input.name ??= FIELDS.mentors.name(r);
  if (table === 'founders' || table === 'milestones') {
    const startups = liveIds(db, 'startups');
    if (startups.length === 0) return null;
    input.startupId = r.pick(startups);
    if (table === 'founders') input.name ??= FIELDS.founders.name(r);
    else {
      input.title ??= FIELDS.milestones.title(r);
      delete input.completedOn;
    }
  }
  if (table === 'startups') input.sector ??= FIELDS.startups.sector(r);
  return { method: `${API_PREFIX[table]}.create` as Method, input };
}

export function planUpdate(r: Rng, db: Database.Database, table: EditTable, id?: string, fields?: string[]): PlannedCall | null {
  const ids = id ? [id] : liveIds(db, table);
  if (ids.length === 0) return null;
  const patch = patchOf(r, table, fields ?? randomFields(r, table, 1, 3));
  return { method: `${API_PREFIX[table]}.update` as Method, input: { id: r.pick(ids), patch } };
}

export function planDelete(r: Rng, db: Database.Database, table: EditTable): PlannedCall | null {
  const ids = liveIds(db, table);
  if (ids.length === 0) return null;
  return { method: `${API_PREFIX[table]}.delete` as Method, input: { id: r.pick(ids) } };
}
