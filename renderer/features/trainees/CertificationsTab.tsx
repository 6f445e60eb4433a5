import { useState } from 'react';
import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Certification } from '../../../shared/records/trainees.js';
import { blankToNull, changedFields, useApiForm } from '../../api/forms.js';
import { useApiMutation, useApiQuery } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { useNotify } from '../../components/notify.js';
import { useFormat } from '../../format/index.js';
import { DeleteRecordModal, type DeleteTarget } from './DeleteRecordModal.js';
import { RecordFormModal } from './RecordFormModal.js';
import { RowActions } from './RowActions.js';
import { TabSection } from './TabSection.js';

export function CertificationsTab(props: { traineeId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const certifications = useApiQuery('certifications.list', {
    filter: { traineeId: props.traineeId },
    sort: { field: 'issuedOn', direction: 'desc' },
    limit: 200,
  });
  // null: closed; 'new': adding; a certification: editing it.
  const [editing, setEditing] = useState<Certification | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  return (
    <>
      <TabSection
        query={certifications}
        label={t('trainees.tabs.certifications')}
        columns={[
          t('trainees.certification.title'),
          t('trainees.certification.issuedOn'),
          t('trainees.certification.certificateNo'),
        ]}
        empty={t('trainees.certification.empty')}
        count={(count) => t('trainees.certification.count', { count })}
        addLabel={t('trainees.certification.add')}
        onAdd={props.canWrite ? () => setEditing('new') : undefined}
        row={(c) => [c.title, format.date(c.issuedOn), c.certificateNo ?? '—']}
        actions={
          props.canWrite
            ? (c) => (
                <RowActions
                  editLabel={t('trainees.certification.editLabel', { name: c.title })}
                  deleteLabel={t('trainees.certification.deleteLabel', { name: c.title })}
                  onEdit={() => setEditing(c)}
                  onDelete={() => setDeleting({ id: c.id, name: c.title })}
                />
              )
            : undefined
        }
      />
      {editing !== null ? (
        <CertificationModal
          traineeId={props.traineeId}
          certification={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <DeleteRecordModal kind="certification" target={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

interface CertificationFormValues extends Record<string, unknown> {
  title: string;
  issuedOn: string;
  certificateNo: string;
}

function certificationFormValues(c: Certification | null): CertificationFormValues {
  return { title: c?.title ?? '', issuedOn: c?.issuedOn ?? '', certificateNo: c?.certificateNo ?? '' };
}

/**
 * The values as core stores them. An empty title or date is sent as it is, so that core
 * says what is wrong beside the field.
 */
function stored(v: CertificationFormValues) {
  return { title: v.title, issuedOn: v.issuedOn, certificateNo: blankToNull(v.certificateNo) };
}

/** Adds a certification (`certification` null) or edits one: only changed fields are sent. */
function CertificationModal(props: { traineeId: string; certification: Certification | null; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const describeIssue = useDescribeIssue();
  const { certification } = props;
  const form = useApiForm({
    initialValues: certificationFormValues(certification),
    pathPrefix: certification ? ['patch'] : [],
    describeIssue,
  });
  const create = useApiMutation('certifications.create');
  const update = useApiMutation('certifications.update');

  const submit = async () => {
    form.clearErrors();
    const values = stored(form.values);
    try {
      if (certification) {
        const patch = changedFields(values, stored(certificationFormValues(certification)));
        if (Object.keys(patch).length > 0) {
          const saved = await update.mutateAsync({ id: certification.id, patch });
          notify.saved(t('trainees.certification.saved', { name: saved.title }));
        }
      } else {
        const created = await create.mutateAsync({ traineeId: props.traineeId, ...values });
        notify.saved(t('trainees.certification.added', { name: created.title }));
      }
      props.onClose();
    } catch (error) {
      form.showFailure(error);
    }
  };

  return (
    <RecordFormModal
      title={certification ? t('trainees.certification.editTitle') : t('trainees.certification.addTitle')}
      submitLabel={certification ? t('trainees.certification.submitEdit') : t('trainees.certification.submitAdd')}
      formError={form.formError}
      saving={create.isPending || update.isPending}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <TextInput label={t('trainees.certification.title')} required data-autofocus {...form.textProps('title')} />
      <TextInput label={t('trainees.certification.issuedOn')} type="date" required {...form.textProps('issuedOn')} />
      <TextInput label={t('trainees.certification.certificateNo')} {...form.textProps('certificateNo')} />
    </RecordFormModal>
  );
}
