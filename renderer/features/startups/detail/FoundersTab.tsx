import { useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconEdit, IconPlus, IconTrash, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/auth/permissions.js';
import type { Gender } from '../../../../shared/records/base.js';
import type { Founder } from '../../../../shared/records/startups.js';
import { blankToNull, changedFields, useApiForm } from '../../../api/forms.js';
import { useApiMutation, useApiQuery } from '../../../api/query.js';
import { ConfirmModal } from '../../../components/ConfirmModal.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { useDescribeIssue } from '../../../components/error-message.js';
import { FormError } from '../../../components/FormError.js';
import { useNotify } from '../../../components/notify.js';
import { QueryError } from '../../../components/QueryError.js';
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
  // null: closed; 'new': adding; a founder: editing.
  const [editing, setEditing] = useState<Founder | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Founder | null>(null);
  const notify = useNotify();
  const remove = useApiMutation('founders.delete');

  if (founders.isPending) return <TabSkeleton />;
  if (founders.isError) return <QueryError error={founders.error} onRetry={() => void founders.refetch()} />;
  const rows = founders.data.items;

  const addButton = canWrite ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('startups.founders.add')}
    </Button>
  ) : null;

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
    <Paper withBorder radius="md" p="lg">
      {rows.length === 0 ? (
        <EmptyState
          icon={<IconUsers size={28} />}
          title={t('startups.founders.emptyTitle')}
          description={canWrite ? t('startups.founders.emptyBody') : t('startups.founders.emptyBodyReadOnly')}
          action={addButton}
        />
      ) : (
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('startups.founders.title', { count: rows.length })}
            </Title>
            {addButton}
          </Group>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" highlightOnHover aria-label={t('startups.founders.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('startups.founders.fields.name')}</Table.Th>
                  <Table.Th>{t('startups.founders.fields.role')}</Table.Th>
                  <Table.Th>{t('startups.founders.fields.gender')}</Table.Th>
                  <Table.Th>{t('startups.founders.fields.email')}</Table.Th>
                  <Table.Th>{t('startups.founders.fields.phone')}</Table.Th>
                  {canWrite ? (
                    <Table.Th w={96}>
                      <VisuallyHidden>{t('startups.actions')}</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td fw={600}>{f.name}</Table.Td>
                    <Table.Td>
                      {f.role ?? (
                        <Text span c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {f.gender ? (
                        t(`enums.gender.${f.gender}`)
                      ) : (
                        <Text span c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {f.email ? (
                        <Anchor href={`mailto:${f.email}`}>{f.email}</Anchor>
                      ) : (
                        <Text span c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <RevealPhone masked={f.phone} table="founders" field="phone" id={f.id} owner={f.name} />
                    </Table.Td>
                    {canWrite ? (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          <Tooltip label={t('startups.founders.edit')}>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              onClick={() => setEditing(f)}
                              aria-label={t('startups.founders.editNamed', { name: f.name })}
                            >
                              <IconEdit size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t('startups.founders.delete')}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              onClick={() => setDeleting(f)}
                              aria-label={t('startups.founders.deleteNamed', { name: f.name })}
                            >
                              <IconTrash size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('startups.founders.addTitle') : t('startups.founders.editTitle')}
        size="lg"
      >
        {editing !== null ? (
          <FounderForm
            key={editing === 'new' ? 'new' : editing.id}
            startupId={props.startupId}
            founder={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Modal>
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
    </Paper>
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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    const values = stored(form.values);
    try {
      if (founder) {
        const patch = changedFields(values, stored(founderFormValues(founder)));
        if (Object.keys(patch).length > 0) {
          const saved = await update.mutateAsync({ id: founder.id, patch });
          notify.saved(t('startups.founders.saved', { name: saved.name }));
        }
      } else {
        const created = await create.mutateAsync({ startupId: props.startupId, ...values });
        notify.saved(t('startups.founders.added', { name: created.name }));
      }
      props.onDone();
    } catch (error) {
      form.showFailure(error);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('startups.founders.formLabel')}>
      <Stack gap="md">
        <FormError message={form.formError} />
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
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onDone} disabled={create.isPending || update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {founder ? t('startups.founders.submitEdit') : t('startups.founders.submitAdd')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
