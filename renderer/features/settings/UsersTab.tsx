/**
 * Users & roles (for roles that may manage users): everyone, including deactivated
 * accounts; add a user, change a role, deactivate or reactivate, set a password. Core
 * enforces the rules (only an admin makes admins, the last manager stays); its messages
 * show beside the field or as a toast.
 */
import { useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  PasswordInput,
  Select,
  Skeleton,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconDots, IconKey, IconPlus, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { grantableRoles } from '../../../shared/auth/permissions.js';
import type { Role } from '../../../shared/auth/roles.js';
import type { User } from '../../../shared/records/centres.js';
import { useApiForm } from '../../api/forms.js';
import { useApiMutation, useApiQuery } from '../../api/query.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormModal } from '../../components/FormFrame.js';
import { useNotify } from '../../components/notify.js';
import { Panel } from '../../components/Panel.js';
import { QueryError } from '../../components/QueryError.js';
import { useSignedInUser } from '../auth/session.js';

const ROLES: readonly Role[] = ['admin', 'manager', 'staff', 'mentor', 'viewer'];

function useRoleOptions(grantable: readonly Role[]) {
  const { t } = useTranslation();
  return ROLES.filter((r) => grantable.includes(r)).map((r) => ({ value: r, label: t(`roles.${r}`) }));
}

export function UsersTab() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const notify = useNotify();
  const users = useApiQuery('users.list', { includeInactive: true });
  const update = useApiMutation('users.update');
  const [adding, setAdding] = useState(false);
  const [passwordFor, setPasswordFor] = useState<User | null>(null);
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const grantable = grantableRoles(me.role);
  const roleOptions = useRoleOptions(grantable);

  const changeRole = async (user: User, role: Role) => {
    if (role === user.role) return;
    try {
      await update.mutateAsync({ id: user.id, patch: { role } });
      notify.saved(t('settings.users.roleChanged', { name: user.name, role: t(`roles.${role}`) }));
    } catch (error) {
      notify.failed(error);
    }
  };

  const setActive = async (user: User, active: boolean) => {
    try {
      await update.mutateAsync({ id: user.id, patch: { active } });
      notify.saved(t(active ? 'settings.users.reactivated' : 'settings.users.deactivated', { name: user.name }));
      setDeactivating(null);
    } catch (error) {
      notify.failed(error);
    }
  };

  // A manager cannot touch an admin's account; nobody demotes or deactivates themselves here.
  const mayEdit = (user: User) => user.id !== me.id && (user.role !== 'admin' || me.role === 'admin');

  return (
    <Panel
      title={t('settings.users.title')}
      description={t('settings.users.description')}
      headingWidth={640}
      actions={
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
          {t('settings.users.add')}
        </Button>
      }
    >
      {users.isError ? (
        <QueryError error={users.error} onRetry={() => void users.refetch()} />
      ) : !users.data ? (
        <Skeleton h={160} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table highlightOnHover verticalSpacing="sm" aria-label={t('settings.users.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.users.columns.name')}</Table.Th>
                <Table.Th>{t('settings.users.columns.email')}</Table.Th>
                <Table.Th w={200}>{t('settings.users.columns.role')}</Table.Th>
                <Table.Th w={130}>{t('settings.users.columns.status')}</Table.Th>
                <Table.Th w={70}>
                  <VisuallyHidden>{t('settings.users.columns.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((user) => {
                const editable = mayEdit(user);
                return (
                  <Table.Tr key={user.id} style={user.active ? undefined : { opacity: 0.65 }}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm" fw={500}>
                          {user.name}
                        </Text>
                        {user.id === me.id ? (
                          <Badge size="xs" variant="outline" miw="max-content">
                            {t('settings.users.you')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{user.email}</Text>
                    </Table.Td>
                    <Table.Td>
                      {editable ? (
                        <Select
                          size="xs"
                          aria-label={t('settings.users.roleOf', { name: user.name })}
                          data={
                            roleOptions.some((o) => o.value === user.role)
                              ? roleOptions
                              : [{ value: user.role, label: t(`roles.${user.role}`) }, ...roleOptions]
                          }
                          value={user.role}
                          onChange={(value) => value && void changeRole(user, value as Role)}
                          allowDeselect={false}
                          title={t(`settings.users.roleHelp.${user.role}`)}
                        />
                      ) : (
                        <Text size="sm" title={t(`settings.users.roleHelp.${user.role}`)}>
                          {t(`roles.${user.role}`)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={user.active ? 'brand' : 'gray'} variant="light">
                        {user.active ? t('settings.users.active') : t('settings.users.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {editable ? (
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" aria-label={t('settings.users.actionsFor', { name: user.name })}>
                              <IconDots size={16} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => setPasswordFor(user)}>
                              {t('settings.users.setPassword')}
                            </Menu.Item>
                            {user.active ? (
                              <Menu.Item
                                color="red"
                                leftSection={<IconUserOff size={16} aria-hidden />}
                                onClick={() => setDeactivating(user)}
                              >
                                {t('settings.users.deactivate')}
                              </Menu.Item>
                            ) : (
                              <Menu.Item
                                leftSection={<IconUserCheck size={16} aria-hidden />}
                                onClick={() => void setActive(user, true)}
                              >
                                {t('settings.users.reactivate')}
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <NewUserModal opened={adding} onClose={() => setAdding(false)} grantable={grantable} />
      <SetPasswordModal user={passwordFor} onClose={() => setPasswordFor(null)} />
      <ConfirmModal
        opened={deactivating !== null}
        title={t('settings.users.confirmDeactivate.title', { name: deactivating?.name ?? '' })}
        message={t('settings.users.confirmDeactivate.message', { name: deactivating?.name ?? '' })}
        confirmLabel={t('settings.users.confirmDeactivate.confirm')}
        danger
        loading={update.isPending}
        onConfirm={() => deactivating && void setActive(deactivating, false)}
        onClose={() => setDeactivating(null)}
      />
    </Panel>
  );
}

const emptyUser = { name: '', email: '', role: 'staff' as string | null, password: '' };

function NewUserModal(props: { opened: boolean; onClose: () => void; grantable: readonly Role[] }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const describeIssue = useDescribeIssue();
  const form = useApiForm({ initialValues: emptyUser, describeIssue });
  const create = useApiMutation('users.create');
  const roleOptions = useRoleOptions(props.grantable);

  const submit = async () => {
    const user = await create.mutateAsync({
      name: form.values.name,
      email: form.values.email,
      role: (form.values.role ?? undefined) as Role,
      password: form.values.password,
    });
    notify.saved(t('settings.users.new.created', { name: user.name, role: t(`roles.${user.role}`) }));
  };

  return (
    <FormModal
      opened={props.opened}
      onClose={props.onClose}
      title={t('settings.users.new.title')}
      form={form}
      mutation={create}
      onSubmit={submit}
      submitLabel={t('settings.users.new.submit')}
      pending={create.isPending}
      label={t('settings.users.new.title')}
    >
      <TextInput label={t('settings.users.fields.name')} required data-autofocus autoComplete="off" {...form.textProps('name')} />
      <TextInput label={t('settings.users.fields.email')} type="email" required autoComplete="off" {...form.textProps('email')} />
      <Select
        label={t('settings.users.fields.role')}
        data={roleOptions}
        allowDeselect={false}
        required
        description={form.values.role ? t(`settings.users.roleHelp.${form.values.role as Role}`) : undefined}
        {...form.selectProps('role')}
      />
      <PasswordInput
        label={t('settings.users.fields.password')}
        description={t('settings.users.new.passwordHint')}
        required
        autoComplete="new-password"
        {...form.textProps('password')}
      />
    </FormModal>
  );
}

function SetPasswordModal(props: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const describeIssue = useDescribeIssue();
  const form = useApiForm({ initialValues: { password: '' }, describeIssue });
  const setPassword = useApiMutation('users.setPassword');
  const name = props.user?.name ?? '';

  const submit = async () => {
    if (!props.user) return;
    await setPassword.mutateAsync({ id: props.user.id, password: form.values.password });
    notify.saved(t('settings.users.password.saved', { name }));
  };

  return (
    <FormModal
      opened={props.user !== null}
      onClose={props.onClose}
      title={t('settings.users.password.title', { name })}
      form={form}
      mutation={setPassword}
      onSubmit={submit}
      submitLabel={t('settings.users.password.submit')}
      pending={setPassword.isPending}
    >
      <PasswordInput
        label={t('settings.users.fields.newPassword')}
        description={t('settings.users.new.passwordHint')}
        required
        data-autofocus
        autoComplete="new-password"
        {...form.textProps('password')}
      />
    </FormModal>
  );
}
