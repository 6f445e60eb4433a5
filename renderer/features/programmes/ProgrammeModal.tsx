import { Select, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { InputOf, OutputOf } from '../../../shared/api/index.js';
import type { ProgrammeKind } from '../../../shared/records/programmes.js';
import { blankToNull, useApiForm } from '../../api/forms.js';
import { useApiMutation } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormModal } from '../../components/FormFrame.js';
import { useNotify } from '../../components/notify.js';
import { DateSpanFields } from './dates.js';
import { useProgrammeOptions } from './options.js';

type Programme = OutputOf<'programmes.get'>;
type Kind = (typeof ProgrammeKind.options)[number];

interface ProgrammeFormValues extends Record<string, unknown> {
  kind: Kind | null;
  name: string;
  startDate: string;
  endDate: string;
  description: string;
}

/** Creates a programme, or edits one (`programme` given). */
export function ProgrammeModal(props: { programme?: Programme; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const describeIssue = useDescribeIssue();
  const { kinds } = useProgrammeOptions();
  const { programme } = props;
  const form = useApiForm<ProgrammeFormValues>({
    initialValues: {
      kind: programme?.kind ?? 'training',
      name: programme?.name ?? '',
      startDate: programme?.startDate ?? '',
      endDate: programme?.endDate ?? '',
      description: programme?.description ?? '',
    },
    pathPrefix: programme ? ['patch'] : [],
    describeIssue,
  });
  const create = useApiMutation('programmes.create');
  const update = useApiMutation('programmes.update');
  const saving = create.isPending || update.isPending;

  const submit = async () => {
    const v = form.values;
    const next = {
      kind: v.kind ?? ('' as Kind),
      name: v.name,
      startDate: blankToNull(v.startDate),
      endDate: blankToNull(v.endDate),
      description: blankToNull(v.description),
    };
    if (programme) {
      const patch = Object.fromEntries(
        Object.entries(next).filter(([key, value]) => value !== programme[key as keyof typeof next]),
      );
      if (Object.keys(patch).length > 0) {
        const saved = await update.mutateAsync({ id: programme.id, patch });
        notify.saved(t('programmes.saved', { name: saved.name }));
      }
    } else {
      const input: InputOf<'programmes.create'> = {
        kind: next.kind,
        name: next.name,
        ...(next.startDate ? { startDate: next.startDate } : {}),
        ...(next.endDate ? { endDate: next.endDate } : {}),
        ...(next.description ? { description: next.description } : {}),
      };
      const saved = await create.mutateAsync(input);
      notify.saved(t('programmes.created', { name: saved.name }));
      void navigate(`/programmes/${saved.id}`);
    }
  };

  return (
    <FormModal
      opened
      onClose={props.onClose}
      title={programme ? t('programmes.edit.title') : t('programmes.new.title')}
      size="lg"
      mutation={programme ? update : create}
      form={form}
      onSubmit={submit}
      submitLabel={programme ? t('programmes.edit.submit') : t('programmes.new.submit')}
      pending={saving}
    >
      <TextInput label={t('programmes.fields.name')} required data-autofocus {...form.textProps('name')} />
      <Select label={t('programmes.fields.kind')} data={kinds} allowDeselect={false} required {...form.selectProps('kind')} />
      <DateSpanFields
        startDate={form.values.startDate}
        endDate={form.values.endDate}
        errors={form.errors}
        onChange={form.setFieldValue}
      />
      <Textarea label={t('programmes.fields.description')} autosize minRows={3} maxRows={8} {...form.textProps('description')} />
    </FormModal>
  );
}
