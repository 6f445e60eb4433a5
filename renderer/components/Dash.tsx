import type { ReactNode } from 'react';
import { Text } from '@mantine/core';

/** A table cell's missing value. */
export function Dash() {
  return (
    <Text span c="dimmed">
      —
    </Text>
  );
}

/** The value, or a dash when there is none. */
export function OrDash(props: { children: ReactNode }) {
  const empty = props.children === null || props.children === undefined || props.children === '';
  return empty ? <Dash /> : <>{props.children}</>;
}
