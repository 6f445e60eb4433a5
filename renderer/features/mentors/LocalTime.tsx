import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatTime, useFormat } from '../../format/index.js';
import { isAbroad, PAKISTAN_ZONE } from './time.js';

function weekdayIn(locale: string, timeZone: string, at: Date): string {
  try {
    return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone }).format(at);
  } catch {
    return '';
  }
}

/** The time now where the mentor is; for a mentor abroad, Pakistan's time beside it. */
export function LocalTime(props: { timeZone: string; now: Date }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const time = (zone: string) => formatTime(locale, props.now, zone);
  if (!isAbroad(props.timeZone)) {
    return (
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {time(PAKISTAN_ZONE)}
      </Text>
    );
  }
  const weekday = (zone: string) => weekdayIn(locale, zone, props.now);
  // The day only when it differs from Pakistan's (late evening here, morning there).
  const otherDay = weekday(props.timeZone) !== weekday(PAKISTAN_ZONE);
  const place = props.timeZone.split('/').pop()?.replace(/_/g, ' ') ?? props.timeZone;
  return (
    <Stack gap={0} style={{ whiteSpace: 'nowrap' }}>
      <Text size="sm" fw={500}>
        {otherDay ? `${weekday(props.timeZone)} ` : ''}
        {time(props.timeZone)}{' '}
        <Text span size="xs" c="dimmed" title={props.timeZone}>
          {place}
        </Text>
      </Text>
      <Text size="xs" c="dimmed">
        {t('mentors.time.pakistanBeside', { time: time(PAKISTAN_ZONE) })}
      </Text>
    </Stack>
  );
}
