import type { ReactNode } from 'react';
import type { ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../shared/api/index.js';
import { useApiForm, type ApiForm } from '../api/forms.js';
import { useApiMutation } from '../api/query.js';
import { useDescribeIssue } from './error-message.js';
import { FormModal } from './FormFrame.js';
import { useNotify } from './notify.js';

/** Records added from their list's "New" button; strings at <kind>.new and <kind>.created. */
type NewRecordKind = 'mentors' | 'startups';

/** The "New …" dialog of a list: the record's fields, core's refusals beside them, a toast once added. */
export function NewRecordModal<K extends NewRecordKind, V extends Record<string, unknown>>(props: {
  kind: K;
  opened: boolean;
  onClose: () => void;
  size: ModalProps['size'];
  emptyValues: V;
  /** The create call's input from the form's values. */
  input: (values: V) => InputOf<`${K}.create`>;
  fields: (form: ApiForm<V>) => ReactNode;
  /** After the toast: e.g. open the new record's page. */
  onCreated?: (record: OutputOf<`${K}.create`>) => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const describeIssue = useDescribeIssue();
  const kind: NewRecordKind = props.kind;
  const form = useApiForm({ initialValues: props.emptyValues, describeIssue });
  const create = useApiMutation(`${props.kind}.create`);

  const submit = async () => {
    const record = (await create.mutateAsync(props.input(form.values) as never)) as OutputOf<`${K}.create`>;
    notify.saved(t(`${kind}.created`, { name: record.name }));
    props.onCreated?.(record);
  };

  return (
    <FormModal
      opened={props.opened}
      onClose={props.onClose}
      title={t(`${kind}.new.title`)}
      size={props.size}
      form={form}
      mutation={create}
      onSubmit={submit}
      submitLabel={t(`${kind}.new.submit`)}
      pending={create.isPending}
      gap="lg"
    >
      {props.fields(form)}
    </FormModal>
  );
}
