import { useState } from 'react';
import { Anchor, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/auth/permissions.js';
import type { Gender } from '../../../../shared/records/base.js';
import type { Founder } from '../../../../shared/records/startups.js';
import { blankToNull, changedFields, useApiForm } from '../../../api/forms.js';
import { useApiMutation, useApiQuery } from '../../../api/query.js';
import { ConfirmModal } from '../../../components/ConfirmModal.js';
import { OrDash } from '../../../components/Dash.js';
import { useDescribeIssue } from '../../../components/error-message.js';
import { FormFrame } from '../../../components/FormFrame.js';
import { useNotify } from '../../../components/notify.js';
import { QueryError } from '../../../components/QueryError.js';
import { RecordsSection, saveRow } from '../../../components/RecordsSection.js';
import { RowActionButton, RowActions } from '../../../components/RowActions.js';
import { useSession } from '../../auth/session.js';
import { RevealPhone } from './RevealPhone.js';
import { TabSkeleton } from './TabSkeleton.js';

interface FounderFormValues extends Record<string, unknown> {
  name: string;
  gender: Gender | null;
  email: string;
  phone: string;
  role: string;
}

function founderFormValues(f: Founder | null): FounderFormValues {
  return { name: f?.name ?? '', gender: f?.gender ?? null, email: f?.email ?? '', phone: f?.phone ?? '', role: f?.role ?? '' };
}

function stored(v: FounderFormValues) {
  return { name: v.name, gender: v.gender, email: blankToNull(v.email), phone: blankToNull(v.phone), role: blankToNull(v.role) };
}

export function FoundersTab(props: { startupId: string }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const canWrite = can(role, 'startups.write');
  const founders = useApiQuery('founders.list', {
    filter: { startupId: props.startupId },
    sort: { field: 'name', direction: 'asc' },
    limit: 500,
  });
  const [deleting, setDeleting] = useState<Founder | null>(null);
  const notify = useNotify();
  const remove = useApiMutation('founders.delete');

  if (founders.isPending) return <TabSkeleton />;
  if (founders.isError) return <QueryError error={founders.error} onRetry={() => void founders.refetch()} />;
  const rows = founders.data.items;

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      await remove.mutateAsync({ id: deleting.id });
      notify.saved(t('startups.founders.deleted', { name: deleting.name }));
    } catch (error) {
      notify.failed(error, t('startups.founders.deleteFailed'));
    }
    setDeleting(null);
  };

  return (
    <>
      <RecordsSection
        rows={rows}
        title={t('startups.founders.title', { count: rows.length })}
        empty={{
          icon: <IconUsers size={28} />,
          title: t('startups.founders.emptyTitle'),
          body: canWrite ? t('startups.founders.emptyBody') : t('startups.founders.emptyBodyReadOnly'),
        }}
        table={{
          label: t('startups.founders.tableLabel'),
          minWidth: 760,
          columns: [
            { key: 'name', header: t('startups.founders.fields.name'), cell: (f) => f.name, strong: true },
            { key: 'role', header: t('startups.founders.fields.role'), cell: (f) => <OrDash>{f.role}</OrDash> },
            {
              key: 'gender',
              header: t('startups.founders.fields.gender'),
              cell: (f) => <OrDash>{f.gender ? t(`enums.gender.${f.gender}`) : null}</OrDash>,
            },
            {
              key: 'email',
              header: t('startups.founders.fields.email'),
              cell: (f) => <OrDash>{f.email ? <Anchor href={`mailto:${f.email}`}>{f.email}</Anchor> : null}</OrDash>,
            },
            {
              key: 'phone',
              header: t('startups.founders.fields.phone'),
              cell: (f) => <RevealPhone masked={f.phone} table="founders" field="phone" id={f.id} owner={f.name} />,
            },
          ],
          actions: canWrite
            ? (f, edit) => (
                <RowActions>
                  <RowActionButton
                    kind="edit"
                    tooltip={t('startups.founders.edit')}
                    label={t('startups.founders.editNamed', { name: f.name })}
                    onClick={() => edit(f)}
                  />
                  <RowActionButton
                    kind="delete"
                    tooltip={t('startups.founders.delete')}
                    label={t('startups.founders.deleteNamed', { name: f.name })}
                    onClick={() => setDeleting(f)}
                  />
                </RowActions>
              )
            : undefined,
        }}
        editor={
          canWrite
            ? {
                addLabel: t('startups.founders.add'),
                dialogTitle: { add: t('startups.founders.addTitle'), edit: t('startups.founders.editTitle') },
                size: 'lg',
                form: (founder, done) => <FounderForm startupId={props.startupId} founder={founder} onDone={done} />,
              }
            : undefined
        }
      />
      <ConfirmModal
        opened={deleting !== null}
        title={t('startups.founders.deleteTitle')}
        message={t('startups.founders.deleteBody', { name: deleting?.name ?? '' })}
        confirmLabel={t('startups.founders.deleteConfirm')}
        danger
        loading={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}

function FounderForm(props: { startupId: string; founder: Founder | null; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const describeIssue = useDescribeIssue();
  const { founder } = props;
  const form = useApiForm({ initialValues: founderFormValues(founder), pathPrefix: founder ? ['patch'] : [], describeIssue });
  const create = useApiMutation('founders.create');
  const update = useApiMutation('founders.update');
  const genders = (['female', 'male', 'other'] as const).map((value) => ({ value, label: t(`enums.gender.${value}`) }));

  const submit = async () => {
    const values = stored(form.values);
    const patch = founder ? changedFields(values, stored(founderFormValues(founder))) : {};
    const saved = await saveRow(founder !== null, patch, {
      create: () => create.mutateAsync({ startupId: props.startupId, ...values }),
      update: () => update.mutateAsync({ id: founder!.id, patch }),
    });
    if (saved) notify.saved(t(founder ? 'startups.founders.saved' : 'startups.founders.added', { name: saved.name }));
    props.onDone();
  };

  return (
    <FormFrame
      form={form}
      onSubmit={submit}
      submitLabel={founder ? t('startups.founders.submitEdit') : t('startups.founders.submitAdd')}
      pending={create.isPending || update.isPending}
      onCancel={props.onDone}
      label={t('startups.founders.formLabel')}
    >
      <TextInput label={t('startups.founders.fields.name')} required data-autofocus {...form.textProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('startups.founders.fields.role')}
          placeholder={t('startups.founders.rolePlaceholder')}
          {...form.textProps('role')}
        />
        <Select label={t('startups.founders.fields.gender')} data={genders} clearable {...form.selectProps('gender')} />
        <TextInput label={t('startups.founders.fields.email')} type="email" inputMode="email" {...form.textProps('email')} />
        <TextInput
          label={t('startups.founders.fields.phone')}
          type="tel"
          inputMode="tel"
          description={founder?.phone ? t('startups.founders.phoneMaskedHint') : undefined}
          {...form.textProps('phone')}
        />
      </SimpleGrid>
    </FormFrame>
  );
}
