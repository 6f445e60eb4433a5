/**
 * Exports the upcoming sessions (with the list's mentor, startup and mode filters) as an
 * .ics file. Names come through the same query cache the screens use.
 */
import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InputOf, Method, OutputOf } from '../../../shared/api/index.js';
import { useApiClient } from '../../api/ApiProvider.js';
import { asApiFailure } from '../../api/errors.js';
import { apiQueryKey } from '../../api/query.js';
import { useNotify } from '../../components/notify.js';
import { buildCalendar, downloadCalendar, sessionEnd, type CalendarEvent } from './ics.js';
import { sessionFilter, type SessionListParams } from './list-params.js';

export function useExportCalendar() {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [exporting, setExporting] = useState(false);

  const fetch = useCallback(
    <M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> =>
      queryClient.fetchQuery({
        queryKey: apiQueryKey(method, input),
        queryFn: async () => {
          try {
            return await client.call(method, input);
          } catch (error) {
            throw asApiFailure(error);
          }
        },
        staleTime: 60_000,
      }),
    [client, queryClient],
  );

  const exportUpcoming = useCallback(
    async (params: SessionListParams) => {
      setExporting(true);
      try {
        const filter = sessionFilter({ ...params, upcoming: true });
        const page = await fetch('sessions.list', { filter, sort: { field: 'startsAt', direction: 'asc' }, limit: 1000 });
        const mentorIds = [...new Set(page.items.map((s) => s.mentorId))];
        const startupIds = [...new Set(page.items.map((s) => s.startupId))];
        const [mentors, startups] = await Promise.all([
          Promise.all(mentorIds.map((id) => fetch('mentors.get', { id }))),
          Promise.all(startupIds.map((id) => fetch('startups.get', { id }))),
        ]);
        const mentorName = new Map(mentors.map((m) => [m.id, m.name]));
        const startupName = new Map(startups.map((s) => [s.id, s.name]));
        const events: CalendarEvent[] = page.items.map((s) => {
          const lines = [
            t('sessions.ics.mode', { mode: t(`sessions.modes.${s.mode}`) }),
            s.topics.length ? t('sessions.ics.topics', { topics: s.topics.join(', ') }) : null,
            s.notes,
          ].filter((line): line is string => !!line);
          return {
            uid: s.id,
            start: s.startsAt,
            end: sessionEnd(s.startsAt, s.minutes),
            summary: t('sessions.ics.summary', {
              startup: startupName.get(s.startupId) ?? '—',
              mentor: mentorName.get(s.mentorId) ?? '—',
            }),
            description: lines.join('\n'),
            categories: s.topics,
          };
        });
        const content = buildCalendar(events, { now: new Date(), name: t('sessions.ics.calendarName') });
        downloadCalendar(content, t('sessions.ics.fileName'));
        notify.saved(t('sessions.ics.exported', { count: events.length }));
      } catch (error) {
        notify.failed(error, t('sessions.ics.failed'));
      } finally {
        setExporting(false);
      }
    },
    [fetch, notify, t],
  );

  return { exportUpcoming, exporting };
}
