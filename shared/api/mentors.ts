import { z } from 'zod';
import { Id, IsoDate, Timestamp } from '../records/base.js';
import { mentorAssignmentsTable, mentorsTable } from '../records/mentors.js';
import { actionItemsTable, mentoringSessionsTable, SessionMode } from '../records/sessions.js';
import { listQueryOf } from '../schema/table.js';
import { call, crudCalls } from './define.js';

export const MentorHours = z.object({ sessions: z.number().int(), minutes: z.number().int(), hours: z.number() });

export const mentorsApi = {
  ...crudCalls('mentors', mentorsTable, {
    list: listQueryOf(z.object({ city: z.string(), country: z.string(), expertise: z.string(), national: z.boolean() }), [
      'name',
      'city',
      'country',
      'createdAt',
    ]),
    read: 'mentors.read',
    write: 'mentors.write',
  }),
  ...crudCalls('assignments', mentorAssignmentsTable, {
    list: listQueryOf(z.object({ mentorId: Id, startupId: Id, active: z.boolean() }), ['fromDate', 'createdAt']),
    read: 'mentors.read',
    write: 'startups.write',
  }),
  'assignments.end': call({
    input: z.object({ id: Id, toDate: IsoDate }).strict(),
    output: mentorAssignmentsTable.record,
    permission: 'startups.write',
  }),
};

const SessionCreate = mentoringSessionsTable.createInput
  .omit({ minutes: true })
  .extend({
    minutes: mentoringSessionsTable.fields.shape.minutes.optional(),
    /** Either minutes or an end time; an end before the start is refused on this field. */
    endsAt: Timestamp.optional(),
    actionItems: z.array(actionItemsTable.createInput.omit({ sessionId: true })).max(100).optional(),
  })
  .strict();

export const sessionsApi = {
  ...crudCalls('sessions', mentoringSessionsTable, {
    list: listQueryOf(
      z.object({ mentorId: Id, startupId: Id, mode: SessionMode, from: Timestamp, to: Timestamp, upcoming: z.boolean() }),
      ['startsAt', 'minutes', 'createdAt'],
    ),
    read: 'sessions.read',
    write: 'sessions.write',
  }),
  ...crudCalls('actionItems', actionItemsTable, {
    list: listQueryOf(z.object({ sessionId: Id, done: z.boolean(), overdue: z.boolean(), startupId: Id }), ['dueOn', 'createdAt']),
    read: 'sessions.read',
    write: 'sessions.write',
  }),
  /** Logs a session and its action items in one transaction. */
  'sessions.record': call({
    input: SessionCreate,
    output: mentoringSessionsTable.record.extend({ actionItems: z.array(actionItemsTable.record) }),
    permission: 'sessions.write',
  }),
  /** Mentor hours = minutes of sessions starting in [from, to) / 60. */
  'sessions.hours': call({
    input: z.object({ mentorId: Id.optional(), startupId: Id.optional(), from: Timestamp, to: Timestamp }).strict(),
    output: MentorHours,
    permission: 'sessions.read',
  }),
};
