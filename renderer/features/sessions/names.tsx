import { Anchor, Skeleton, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/query.js';

const STALE = 60_000;

/** A mentor's name linking to their page; the record is cached across the screen. */
export function MentorLink(props: { id: string; size?: 'xs' | 'sm' }) {
  const mentor = useApiQuery('mentors.get', { id: props.id }, { staleTime: STALE });
  if (mentor.isPending) return <Skeleton height={12} width={110} display="inline-block" />;
  if (mentor.isError)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  return (
    <Anchor component={Link} to={`/mentors/${props.id}`} fw={500} size={props.size ?? 'sm'}>
      {mentor.data.name}
    </Anchor>
  );
}

/** A startup's name linking to its page. */
export function StartupLink(props: { id: string }) {
  const startup = useApiQuery('startups.get', { id: props.id }, { staleTime: STALE });
  if (startup.isPending) return <Skeleton height={12} width={110} display="inline-block" />;
  if (startup.isError)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  return (
    <Anchor component={Link} to={`/startups/${props.id}`} fw={500} size="sm">
      {startup.data.name}
    </Anchor>
  );
}

/** The mentor's time zone, or null while it loads. */
export function useMentorZone(id: string): string | null {
  const mentor = useApiQuery('mentors.get', { id }, { staleTime: STALE });
  return mentor.data?.timeZone ?? null;
}
