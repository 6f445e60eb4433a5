import type { FormEvent } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiForm } from '../../api/forms.js';
import { useApiMutation } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormError } from '../../components/FormError.js';
import { useNotify } from '../../components/notify.js';
import { createStartupInput, emptyStartupForm } from './startup-form.js';
import { StartupFields } from './StartupFields.js';

export function NewStartupModal(props: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const describeIssue = useDescribeIssue();
  const form = useApiForm({ initialValues: emptyStartupForm, describeIssue });
  const create = useApiMutation('startups.create');

  const close = () => {
    form.reset();
    create.reset();
    props.onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    try {
      const startup = await create.mutateAsync(createStartupInput(form.values));
      notify.saved(t('startups.created', { name: startup.name }));
      close();
    } catch (error) {
      form.showFailure(error);
    }
  };

  return (
    <Modal opened={props.opened} onClose={close} title={t('startups.new.title')} size="lg" closeOnClickOutside={!form.isDirty}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="lg">
          <FormError message={form.formError} />
          <StartupFields form={form} autoFocus />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('startups.new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
