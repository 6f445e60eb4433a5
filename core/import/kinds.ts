/**
 * What is particular to each kind of import: how each field's cell is read, which table
 * and domain service the rows go to, and how duplicates are found (which keys, in which
 * order, which of them must stay unique). The engine (rows.ts, duplicates.ts, plan.ts,
 * commit.ts) is the same for every kind; results (results.ts) update trainees instead.
 */
import { DUPLICATE_KEYS, type ImportKind, type ImportOptions } from '../../shared/api/import.js';
import type { Permission } from '../../shared/auth/permissions.js';
import { mentorsTable } from '../../shared/records/mentors.js';
import { Sector, Stage, startupsTable } from '../../shared/records/startups.js';
import { EnrolmentStatus, traineesTable } from '../../shared/records/trainees.js';
import type { StoredTable } from '../../shared/schema/table.js';
import { mentors } from '../mentors/mentors.service.js';
import type { CrudService } from '../records/crud.js';
import { startups } from '../startups/startups.service.js';
import { trainees } from '../trainees/trainees.service.js';
import {
  normaliseBoolean,
  normaliseChoice,
  normaliseCnicCell,
  normaliseDate,
  normaliseEmail,
  normaliseGender,
  normaliseName,
  normaliseNumber,
  normalisePhoneCell,
  normaliseShortText,
  normaliseTags,
  normaliseTimeZone,
  normaliseWebsite,
  type Normalised,
} from './normalise.js';
import type { Cell } from './workbook.js';

export interface ReadEnv {
  options: ImportOptions;
}

export type FieldReader = (cell: Cell, env: ReadEnv) => Normalised<unknown>;

/** How a field is read, and whether it is a date that cannot lie in the future. */
interface FieldSpec {
  read: FieldReader;
  notFuture?: string;
  /** Personal data: shown masked to roles that may not reveal it. */
  personal?: 'cnic' | 'phone';
}

const date: FieldReader = (cell, env) => normaliseDate(cell, env.options.dateOrder);
const text =
  (max = 200): FieldReader =>
  (cell) =>
    normaliseShortText(cell, max);

const SECTOR_SYNONYMS: Record<string, Sector> = {
  agriculture: 'agritech', agri: 'agritech', artificialintelligence: 'ai', machinelearning: 'ai', ml: 'ai',
  ecommerce: 'e-commerce', retail: 'e-commerce', education: 'edtech', finance: 'fintech', payments: 'fintech',
  health: 'healthtech', healthcare: 'healthtech', medical: 'healthtech', software: 'saas', socialimpact: 'social-impact',
  social: 'social-impact', travel: 'tourism', energy: 'cleantech', climate: 'cleantech', transport: 'logistics',
};
const STAGE_SYNONYMS: Record<string, Stage> = {
  application: 'applied', applicant: 'applied', incubation: 'incubated', incubatee: 'incubated', active: 'incubated',
  graduate: 'graduated', alumni: 'graduated', drop: 'dropped', droppedout: 'dropped', exited: 'dropped',
};
/** Words on exam sheets: passing or failing both complete the course; the score tells them apart. */
export const RESULT_STATUS: Record<string, 'enrolled' | 'completed' | 'dropped'> = {
  pass: 'completed', passed: 'completed', p: 'completed', complete: 'completed', fail: 'completed', failed: 'completed',
  f: 'completed', drop: 'dropped', dropout: 'dropped', left: 'dropped', absent: 'dropped', ongoing: 'enrolled', inprogress: 'enrolled',
};

export interface KindSpec {
  kind: ImportKind;
  /** "trainee": for messages. */
  entity: string;
  /** What the caller needs besides `import.run`. */
  permission: Permission;
  fields: Record<string, FieldSpec>;
  /** Strongest first (shared DUPLICATE_KEYS). */
  duplicateKeys: readonly string[];
  /** Keys no two live records may share (the domain service refuses them). */
  uniqueKeys: readonly string[];
  /** Keys compared without letter case (a startup's name). */
  caseless?: readonly string[];
}

/** A kind that writes records of its own table through its domain service. */
export interface RecordKindSpec extends KindSpec {
  table: StoredTable;
  service: CrudService<Record<string, unknown> & { id: string; centreId: string | null; deleted: boolean }>;
}

const cnic: FieldSpec = { read: normaliseCnicCell, personal: 'cnic' };
const phone: FieldSpec = { read: normalisePhoneCell, personal: 'phone' };
const email: FieldSpec = { read: normaliseEmail };
const name: FieldSpec = { read: normaliseName };

export const traineeKind: RecordKindSpec = {
  kind: 'trainees',
  entity: 'trainee',
  permission: 'trainees.write',
  table: traineesTable,
  service: trainees as unknown as RecordKindSpec['service'],
  fields: {
    name,
    cnic,
    email,
    phone,
    gender: { read: normaliseGender },
    city: { read: text() },
    district: { read: text() },
    dateOfBirth: { read: date, notFuture: 'The date of birth' },
    skills: { read: normaliseTags },
    consent: { read: normaliseBoolean },
    cohort: { read: text() },
  },
  duplicateKeys: DUPLICATE_KEYS.trainees,
  uniqueKeys: ['cnic', 'email'],
};

export const startupKind: RecordKindSpec = {
  kind: 'startups',
  entity: 'startup',
  permission: 'startups.write',
  table: startupsTable,
  service: startups as unknown as RecordKindSpec['service'],
  fields: {
    name,
    sector: { read: (cell) => normaliseChoice(cell, Sector.options, SECTOR_SYNONYMS) },
    stage: { read: (cell) => normaliseChoice(cell, Stage.options, STAGE_SYNONYMS) },
    cohort: { read: text() },
    foundedOn: { read: date, notFuture: 'The founding date' },
    website: { read: normaliseWebsite },
    description: { read: text(10_000) },
    womenLed: { read: normaliseBoolean },
    city: { read: text() },
    contactEmail: email,
    contactPhone: phone,
    registrationNo: { read: text() },
  },
  duplicateKeys: DUPLICATE_KEYS.startups,
  uniqueKeys: ['registrationNo'],
  caseless: ['name'],
};

export const mentorKind: RecordKindSpec = {
  kind: 'mentors',
  entity: 'mentor',
  permission: 'mentors.write',
  table: mentorsTable,
  service: mentors as unknown as RecordKindSpec['service'],
  fields: {
    name,
    organisation: { read: text() },
    expertise: { read: normaliseTags },
    city: { read: text() },
    country: { read: text() },
    timeZone: { read: normaliseTimeZone },
    email,
    phone,
    availability: { read: text(10_000) },
  },
  duplicateKeys: DUPLICATE_KEYS.mentors,
  uniqueKeys: ['email'],
};

export const resultsKind: KindSpec = {
  kind: 'results',
  entity: 'result',
  permission: 'trainees.write',
  fields: {
    cnic,
    name,
    score: { read: (cell) => normaliseNumber(cell, 0, 100) },
    status: { read: (cell) => normaliseChoice(cell, EnrolmentStatus.options, RESULT_STATUS) },
    certificateNo: { read: text() },
    certificateTitle: { read: text() },
    issuedOn: { read: date, notFuture: 'The issue date' },
  },
  duplicateKeys: [],
  uniqueKeys: [],
};

export const kinds: Record<ImportKind, KindSpec> = {
  trainees: traineeKind,
  startups: startupKind,
  mentors: mentorKind,
  results: resultsKind,
};

export function isRecordKind(spec: KindSpec): spec is RecordKindSpec {
  return 'table' in spec;
}
