/**
 * A mentor's or a startup's name, from its id, linking to its page. The record is read once
 * and cached across the screen, so a table of sessions asks for each name only once.
 */
import { Anchor, Skeleton, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useApiQuery } from '../api/query.js';

const STALE = 60_000;

function RecordLink(props: { to: string; name: string | undefined; pending: boolean; size?: 'xs' | 'sm' }) {
  if (props.pending) return <Skeleton height={12} width={110} display="inline-block" />;
  if (props.name === undefined)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  return (
    <Anchor component={Link} to={props.to} fw={500} size={props.size ?? 'sm'}>
      {props.name}
    </Anchor>
  );
}

export function MentorLink(props: { id: string; size?: 'xs' | 'sm' }) {
  const mentor = useApiQuery('mentors.get', { id: props.id }, { staleTime: STALE });
  return <RecordLink to={`/mentors/${props.id}`} name={mentor.data?.name} pending={mentor.isPending} size={props.size} />;
}

export function StartupLink(props: { id: string; size?: 'xs' | 'sm' }) {
  const startup = useApiQuery('startups.get', { id: props.id }, { staleTime: STALE });
  return <RecordLink to={`/startups/${props.id}`} name={startup.data?.name} pending={startup.isPending} size={props.size} />;
}

/** The mentor's time zone, or null while it loads (for "on the mentor's clock" times). */
export function useMentorZone(id: string): string | null {
  const mentor = useApiQuery('mentors.get', { id }, { staleTime: STALE });
  return mentor.data?.timeZone ?? null;
}
