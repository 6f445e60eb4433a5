import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiForm } from '../../api/forms.js';
import { useApiMutation } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormFrame } from '../../components/FormFrame.js';
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

  const submit = async () => {
    const startup = await create.mutateAsync(createStartupInput(form.values));
    notify.saved(t('startups.created', { name: startup.name }));
    close();
  };

  return (
    <Modal opened={props.opened} onClose={close} title={t('startups.new.title')} size="lg" closeOnClickOutside={!form.isDirty}>
      <FormFrame
        form={form}
        onSubmit={submit}
        submitLabel={t('startups.new.submit')}
        pending={create.isPending}
        onCancel={close}
        gap="lg"
      >
        <StartupFields form={form} autoFocus />
      </FormFrame>
    </Modal>
  );
}
