import { Anchor, Skeleton, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useApiQuery } from '../../../api/query.js';

/** A mentor's name linking to their page; the record is cached for the whole screen. */
export function MentorName(props: { id: string }) {
  const mentor = useApiQuery('mentors.get', { id: props.id }, { staleTime: 60_000 });
  if (mentor.isPending) return <Skeleton height={12} width={120} display="inline-block" />;
  if (mentor.isError)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  return (
    <Anchor component={Link} to={`/mentors/${props.id}`} fw={500}>
      {mentor.data.name}
    </Anchor>
  );
}

/** The mentor's time zone, or null while it loads (for "in the mentor's zone" times). */
export function useMentorZone(id: string): string | null {
  const mentor = useApiQuery('mentors.get', { id }, { staleTime: 60_000 });
  return mentor.data?.timeZone ?? null;
}
