/**
 * The sessions page's tab, filters and page, kept in the address so that going back from a
 * mentor or startup returns to the same view.
 */
import type { InputOf } from '../../../shared/api/index.js';
import { SessionMode, type MentoringSession } from '../../../shared/records/sessions.js';
import { parsePage, useAddressParams } from '../../components/address-params.js';
import { isIsoDate } from '../../format/index.js';

export const PAGE_SIZE = 25;

export interface SessionListParams {
  tab: 'sessions' | 'actions';
  mentorId: string | null;
  startupId: string | null;
  mode: MentoringSession['mode'] | null;
  /** Calendar dates in the viewer's zone, both ends included. */
  from: string | null;
  to: string | null;
  upcoming: boolean;
  /** Action items tab: all open ones, or only overdue ones. */
  items: 'open' | 'overdue';
  page: number;
}

function parse(params: URLSearchParams): SessionListParams {
  const mode = SessionMode.safeParse(params.get('mode'));
  const from = params.get('from');
  const to = params.get('to');
  return {
    tab: params.get('tab') === 'actions' ? 'actions' : 'sessions',
    mentorId: params.get('mentor') || null,
    startupId: params.get('startup') || null,
    mode: mode.success ? mode.data : null,
    from: isIsoDate(from) ? from : null,
    to: isIsoDate(to) ? to : null,
    upcoming: params.get('upcoming') === '1',
    items: params.get('items') === 'overdue' ? 'overdue' : 'open',
    page: parsePage(params.get('page')),
  };
}

function serialise(p: SessionListParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.tab !== 'sessions') out.set('tab', p.tab);
  if (p.mentorId) out.set('mentor', p.mentorId);
  if (p.startupId) out.set('startup', p.startupId);
  if (p.mode) out.set('mode', p.mode);
  if (p.from) out.set('from', p.from);
  if (p.to) out.set('to', p.to);
  if (p.upcoming) out.set('upcoming', '1');
  if (p.items !== 'open') out.set('items', p.items);
  if (p.page > 1) out.set('page', String(p.page));
  return out;
}

export function useSessionListParams() {
  return useAddressParams(parse, serialise);
}

/** Local midnight at the start of a calendar date, as a UTC timestamp. */
export function startOfDayUtc(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

/** Local midnight after a calendar date (the exclusive end of a range that includes it). */
export function endOfDayUtc(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).toISOString();
}

type SessionFilter = NonNullable<InputOf<'sessions.list'>['filter']>;

export function sessionFilter(
  p: Pick<SessionListParams, 'mentorId' | 'startupId' | 'mode' | 'from' | 'to' | 'upcoming'>,
): SessionFilter {
  const filter: SessionFilter = {};
  if (p.mentorId) filter.mentorId = p.mentorId;
  if (p.startupId) filter.startupId = p.startupId;
  if (p.mode) filter.mode = p.mode;
  if (p.from) filter.from = startOfDayUtc(p.from);
  if (p.to) filter.to = endOfDayUtc(p.to);
  if (p.upcoming) filter.upcoming = true;
  return filter;
}

export function sessionListInput(p: SessionListParams): InputOf<'sessions.list'> {
  const filter = sessionFilter(p);
  return {
    ...(Object.keys(filter).length ? { filter } : {}),
    sort: { field: 'startsAt', direction: 'desc' },
    limit: PAGE_SIZE,
    offset: (p.page - 1) * PAGE_SIZE,
  };
}

export function hasSessionFilters(p: SessionListParams): boolean {
  return !!(p.mentorId || p.startupId || p.mode || p.from || p.to || p.upcoming);
}
