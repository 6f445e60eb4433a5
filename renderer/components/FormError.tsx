import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

/** The message about a whole form (issues that belong to no single field). */
export function FormError(props: { message: string | null }) {
  if (!props.message) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
      {props.message}
    </Alert>
  );
}
