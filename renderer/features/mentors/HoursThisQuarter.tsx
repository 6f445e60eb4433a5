import { Skeleton, Text } from '@mantine/core';
import { useApiQuery } from '../../api/query.js';
import { useFormat } from '../../format/index.js';
import type { Quarter } from './time.js';

/** A mentor's hours in the quarter (sessions.hours; asked only for rows on screen). */
export function useMentorHours(mentorId: string, quarter: Quarter) {
  return useApiQuery('sessions.hours', { mentorId, from: quarter.from, to: quarter.to }, { staleTime: 30_000 });
}

export function HoursCell(props: { mentorId: string; quarter: Quarter }) {
  const format = useFormat();
  const hours = useMentorHours(props.mentorId, props.quarter);
  if (hours.isPending) return <Skeleton height={12} width={28} display="inline-block" />;
  if (hours.isError)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  return (
    <Text span size="sm" fw={hours.data.hours > 0 ? 600 : undefined} c={hours.data.hours > 0 ? undefined : 'dimmed'}>
      {format.number(hours.data.hours, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}
    </Text>
  );
}
