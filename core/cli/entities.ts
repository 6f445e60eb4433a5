/**
 * The record types the CLI manages, as data: which API calls serve them, which columns a
 * list shows, and the few fields whose flags differ from the generic rule. Flags, parsing
 * and output come from the generic mechanism in record-commands.ts.
 */
import type { ApiClient } from '../../shared/api/client.js';
import type { Method } from '../../shared/api/index.js';
import type { FieldOverride } from './field-flags.js';

export interface EntityCommands {
  /** Command name and API prefix: `startups` → `startups.create`, `startups.list`, … */
  name: 'startups' | 'mentors' | 'trainees' | 'sessions';
  /** "startup": for messages. */
  singular: string;
  /** The call behind `add` (defaults to `<name>.create`). */
  addMethod: Method;
  /** Columns of the list table: [field, heading]. */
  columns: ReadonlyArray<readonly [string, string]>;
  overrides?: Record<string, FieldOverride>;
  /** Extra detail for `get` (e.g. a session's action items). */
  details?(client: ApiClient, record: Record<string, unknown>): Promise<Record<string, unknown>>;
}

export const entities: readonly EntityCommands[] = [
  {
    name: 'startups',
    singular: 'startup',
    addMethod: 'startups.create',
    columns: [
      ['id', 'ID'],
      ['name', 'NAME'],
      ['sector', 'SECTOR'],
      ['stage', 'STAGE'],
      ['city', 'CITY'],
      ['womenLed', 'WOMEN-LED'],
    ],
  },
  {
    name: 'mentors',
    singular: 'mentor',
    addMethod: 'mentors.create',
    columns: [
      ['id', 'ID'],
      ['name', 'NAME'],
      ['organisation', 'ORGANISATION'],
      ['city', 'CITY'],
      ['country', 'COUNTRY'],
      ['expertise', 'EXPERTISE'],
    ],
  },
  {
    name: 'trainees',
    singular: 'trainee',
    addMethod: 'trainees.create',
    columns: [
      ['id', 'ID'],
      ['name', 'NAME'],
      ['gender', 'GENDER'],
      ['city', 'CITY'],
      ['district', 'DISTRICT'],
      ['cnic', 'CNIC'],
      ['skills', 'SKILLS'],
    ],
  },
  {
    name: 'sessions',
    singular: 'mentoring session',
    // Logs the session and its action items in one transaction, and accepts an end time.
    addMethod: 'sessions.record',
    columns: [
      ['id', 'ID'],
      ['startsAt', 'STARTS (UTC)'],
      ['minutes', 'MIN'],
      ['mode', 'MODE'],
      ['mentorId', 'MENTOR'],
      ['startupId', 'STARTUP'],
      ['topics', 'TOPICS'],
    ],
    overrides: {
      actionItems: {
        flag: 'action-item',
        repeatable: true,
        valueName: 'text',
        description: 'an action item agreed in the session',
        convert: (texts) => texts.map((text) => ({ text })),
      },
      endsAt: { description: 'when it ended (instead of --minutes), e.g. 2026-07-31T10:30:00Z' },
    },
    async details(client, record) {
      const items = await client.call('actionItems.list', { filter: { sessionId: String(record.id) }, limit: 1000 });
      return { actionItems: items.items };
    },
  },
];
