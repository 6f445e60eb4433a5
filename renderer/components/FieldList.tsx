import type { ReactNode } from 'react';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface FieldItem {
  label: string;
  value: ReactNode;
  /** Spans the whole width (long text). */
  wide?: boolean;
}

/** A record's fields as label/value pairs; an empty value reads "Not recorded". */
export function FieldList(props: { items: FieldItem[]; cols?: number }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: props.cols ?? 2 }} spacing="lg" verticalSpacing="md" m={0}>
      {props.items.map((item) => (
        <Stack key={item.label} gap={2} style={item.wide ? { gridColumn: '1 / -1' } : undefined}>
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {isEmpty(item.value) ? (
              <Text span c="dimmed" fs="italic">
                {t('common.notRecorded')}
              </Text>
            ) : (
              item.value
            )}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

function isEmpty(value: ReactNode): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}
