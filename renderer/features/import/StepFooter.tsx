/** The foot of a wizard step: a warning when the step cannot go on, Back, and the step's buttons. */
import type { ReactNode } from 'react';
import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function StepFooter(props: { warning: string | null; onBack: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {props.warning ? (
        <Alert color="yellow" role="status">
          {props.warning}
        </Alert>
      ) : null}
      <Group gap="sm">
        <Button variant="default" onClick={props.onBack}>
          {t('import.check.back')}
        </Button>
        {props.children}
      </Group>
    </>
  );
}
