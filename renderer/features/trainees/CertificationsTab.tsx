import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { blankToNull, useApiForm } from '../../api/forms.js';
import { useApiMutation, useApiQuery } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormError } from '../../components/FormError.js';
import { useNotify } from '../../components/notify.js';
import { useFormat } from '../../format/index.js';
import { TabSection } from './TabSection.js';

export function CertificationsTab(props: { traineeId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const certifications = useApiQuery('certifications.list', {
    filter: { traineeId: props.traineeId },
    sort: { field: 'issuedOn', direction: 'desc' },
    limit: 200,
  });
  const [adding, setAdding] = useState(false);
  return (
    <>
      <TabSection
        query={certifications}
        label={t('trainees.tabs.certifications')}
        columns={[t('trainees.certification.title'), t('trainees.certification.issuedOn'), t('trainees.certification.certificateNo')]}
        empty={t('trainees.certification.empty')}
        addLabel={t('trainees.certification.add')}
        onAdd={props.canWrite ? () => setAdding(true) : undefined}
        row={(c) => [c.title, format.date(c.issuedOn), c.certificateNo ?? '—']}
      />
      {adding ? <CertificationModal traineeId={props.traineeId} onClose={() => setAdding(false)} /> : null}
    </>
  );
}

function CertificationModal(props: { traineeId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const describeIssue = useDescribeIssue();
  const form = useApiForm({ initialValues: { title: '', issuedOn: '', certificateNo: '' }, describeIssue });
  const create = useApiMutation('certifications.create');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    const certificateNo = blankToNull(form.values.certificateNo);
    try {
      await create.mutateAsync({
        traineeId: props.traineeId,
        title: form.values.title,
        // An empty date is sent as such so that core says what is wrong beside the field.
        issuedOn: form.values.issuedOn,
        ...(certificateNo ? { certificateNo } : {}),
      });
      notify.saved(t('trainees.certification.saved'));
      props.onClose();
    } catch (error) {
      form.showFailure(error);
    }
  };

  return (
    <Modal opened onClose={props.onClose} title={t('trainees.certification.addTitle')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <FormError message={form.formError} />
          <TextInput label={t('trainees.certification.title')} required data-autofocus {...form.textProps('title')} />
          <TextInput label={t('trainees.certification.issuedOn')} type="date" required {...form.textProps('issuedOn')} />
          <TextInput label={t('trainees.certification.certificateNo')} {...form.textProps('certificateNo')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose} disabled={create.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('trainees.certification.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
