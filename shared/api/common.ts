import { z } from 'zod';
import { Id, pageOf } from '../records/base.js';
import { call, job } from './define.js';

export const PiiField = z.enum(['cnic', 'phone', 'contactPhone']);
export const PiiTable = z.enum(['trainees', 'founders', 'mentors', 'startups']);

export const SearchHit = z.object({
  entity: z.enum(['startups', 'mentors', 'trainees']),
  id: Id,
  title: z.string(),
  subtitle: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const HistoryEntry = z.object({
  id: z.number().int(),
  tbl: z.string(),
  rowId: z.string(),
  column: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  at: z.string(),
  source: z.enum(['local', 'sync']),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const commonApi = {
  /** Global search (Ctrl+K) across startups, mentors and trainees; prefix-aware. */
  'search.global': call({
    input: z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(50).default(8) }).strict(),
    output: z.array(SearchHit),
    permission: 'search',
  }),
  /** Shows a CNIC or phone number in clear and writes the reveal to the audit log. */
  'pii.reveal': call({
    input: z.object({ table: PiiTable, id: Id, field: PiiField }).strict(),
    output: z.object({ value: z.string().nullable() }),
    permission: 'pii.reveal',
  }),
  'history.list': call({
    input: z.object({ table: z.string().max(60), rowId: Id, limit: z.number().int().min(1).max(500).default(200) }).strict(),
    output: z.array(HistoryEntry),
    permission: 'history.read',
  }),
  'audit.list': call({
    input: z.object({ limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) }).strict(),
    output: pageOf(AuditEntry),
    permission: 'audit.read',
  }),
  /** A consistent copy of the database made with SQLite's online backup. */
  'backup.create': job({
    input: z.object({ path: z.string().min(1).max(4096).optional() }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int(), integrity: z.literal('ok') }),
    permission: 'backup.manage',
  }),
  'backup.list': call({
    input: z.object({}).strict(),
    output: z.array(z.object({ path: z.string(), bytes: z.number().int(), createdAt: z.string() })),
    permission: 'backup.manage',
  }),
  'jobs.cancel': call({ input: z.object({ jobId: z.string().max(100) }).strict(), output: z.object({ cancelled: z.boolean() }), permission: 'signed-in' }),
};
