import { z } from 'zod';
import { Id, IsoDate, LongText, ShortText, Tags, Timestamp } from './base.js';
import { defineTable } from '../schema/table.js';

export const SessionMode = z.enum(['in-person', 'online', 'phone']);

export const mentoringSessionsTable = defineTable({
  name: 'mentoring_sessions',
  fields: z.object({
    mentorId: Id,
    startupId: Id,
    /** UTC instant; shown in the viewer's zone (and the mentor's). */
    startsAt: Timestamp,
    minutes: z.number().int('Must be a whole number of minutes').min(1, 'A session cannot end before it starts').max(24 * 60, 'At most 24 hours'),
    mode: SessionMode,
    topics: Tags,
    notes: LongText.nullable(),
    loggedBy: Id.nullable(),
  }),
  internal: ['loggedBy'],
  defaults: { mode: 'in-person', topics: [] },
});
export type MentoringSession = z.output<typeof mentoringSessionsTable.record>;

export const actionItemsTable = defineTable({
  name: 'action_items',
  fields: z.object({
    sessionId: Id,
    text: z.string().trim().min(1, 'Required').max(1000),
    owner: ShortText.nullable(),
    dueOn: IsoDate.nullable(),
    done: z.boolean(),
    /** The day it was marked done; core sets it to that day when not given, and clears it when undone. */
    doneOn: IsoDate.nullable(),
  }),
  defaults: { done: false },
});
export type ActionItem = z.output<typeof actionItemsTable.record>;
