import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../shared/api/index.js';
import { blankToNull, useApiForm } from '../../api/forms.js';
import { useApiMutation } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormModal } from '../../components/FormFrame.js';
import { useNotify } from '../../components/notify.js';
import { DateSpanFields } from './dates.js';

type Cohort = OutputOf<'cohorts.get'>;

/** Creates a cohort of a programme, or edits one (`cohort` given). */
export function CohortModal(props: { programmeId: string; cohort?: Cohort; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const describeIssue = useDescribeIssue();
  const { cohort } = props;
  const form = useApiForm({
    initialValues: { name: cohort?.name ?? '', startDate: cohort?.startDate ?? '', endDate: cohort?.endDate ?? '' },
    pathPrefix: cohort ? ['patch'] : [],
    describeIssue,
  });
  const create = useApiMutation('cohorts.create');
  const update = useApiMutation('cohorts.update');
  const saving = create.isPending || update.isPending;

  const submit = async () => {
    const next = {
      name: form.values.name,
      startDate: blankToNull(form.values.startDate),
      endDate: blankToNull(form.values.endDate),
    };
    if (cohort) {
      const patch: InputOf<'cohorts.update'>['patch'] = {};
      if (next.name !== cohort.name) patch.name = next.name;
      if (next.startDate !== cohort.startDate) patch.startDate = next.startDate;
      if (next.endDate !== cohort.endDate) patch.endDate = next.endDate;
      if (Object.keys(patch).length > 0) {
        const saved = await update.mutateAsync({ id: cohort.id, patch });
        notify.saved(t('programmes.cohorts.saved', { name: saved.name }));
      }
    } else {
      const saved = await create.mutateAsync({
        programmeId: props.programmeId,
        name: next.name,
        ...(next.startDate ? { startDate: next.startDate } : {}),
        ...(next.endDate ? { endDate: next.endDate } : {}),
      });
      notify.saved(t('programmes.cohorts.created', { name: saved.name }));
    }
  };

  return (
    <FormModal
      opened
      onClose={props.onClose}
      title={cohort ? t('programmes.cohorts.editTitle') : t('programmes.cohorts.newTitle')}
      mutation={cohort ? update : create}
      form={form}
      onSubmit={submit}
      submitLabel={cohort ? t('programmes.cohorts.editSubmit') : t('programmes.cohorts.newSubmit')}
      pending={saving}
    >
      <TextInput label={t('programmes.cohorts.name')} required data-autofocus {...form.textProps('name')} />
      <DateSpanFields
        startDate={form.values.startDate}
        endDate={form.values.endDate}
        errors={form.errors}
        onChange={form.setFieldValue}
      />
    </FormModal>
  );
}
