import type { FormEvent, ReactNode } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError.js';

/**
 * The dialog around the form that adds or edits an enrolment, a certification or a
 * placement: its title, the message for the whole form, the fields, Cancel and Save.
 */
export function RecordFormModal(props: {
  title: string;
  submitLabel: string;
  formError: string | null;
  saving: boolean;
  onSubmit: () => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props.onSubmit();
  };
  return (
    <Modal opened onClose={props.onClose} title={props.title}>
      <form onSubmit={submit} noValidate aria-label={props.title}>
        <Stack gap="md">
          <FormError message={props.formError} />
          {props.children}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose} disabled={props.saving}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={props.saving}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
