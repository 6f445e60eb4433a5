/**
 * First run on a new workstation: create the centre and its first manager account, who
 * is signed in straight away. `footer` offers the other way in (joining a central server).
 */
import type { ReactNode } from 'react';
import { Divider, PasswordInput, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { blankToNull, useApiForm } from '../../api/forms.js';
import { useApiMutation } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormFrame } from '../../components/FormFrame.js';
import { useNotify } from '../../components/notify.js';
import { AuthLayout } from './AuthLayout.js';
import { useSession } from './session.js';

const initialValues = { centreName: '', city: '', name: '', email: '', password: '', confirmPassword: '' };

export function FirstRunPage(props: { footer?: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const notify = useNotify();
  const describeIssue = useDescribeIssue();
  const form = useApiForm({
    initialValues,
    fieldOf: {
      centreName: 'centreName',
      centreCity: 'city',
      managerName: 'name',
      managerEmail: 'email',
      managerPassword: 'password',
    },
    describeIssue,
  });
  const setup = useApiMutation('auth.setup');

  const submit = async () => {
    const v = form.values;
    // Only the typing check is the UI's; every rule about the values is core's.
    if (v.password !== v.confirmPassword) {
      form.setFieldError('confirmPassword', t('auth.passwordsDiffer'));
      return;
    }
    const result = await setup.mutateAsync({
      centreName: v.centreName,
      centreCity: blankToNull(v.city) ?? undefined,
      managerName: v.name,
      managerEmail: v.email,
      managerPassword: v.password,
    });
    await session.signedIn(result);
    notify.saved(t('auth.centreCreated', { name: v.centreName.trim() }));
  };

  return (
    <AuthLayout title={t('auth.firstRun.title')} description={t('auth.firstRun.description')} width={480}>
      <FormFrame form={form} onSubmit={submit} submitLabel={t('auth.firstRun.submit')} pending={setup.isPending}>
        <Text fw={600} size="sm">
          {t('auth.firstRun.centreSection')}
        </Text>
        <TextInput label={t('auth.fields.centreName')} required autoFocus {...form.textProps('centreName')} />
        <TextInput
          label={t('auth.fields.city')}
          description={t('forms.optional')}
          autoComplete="address-level2"
          {...form.textProps('city')}
        />
        <Divider my={4} />
        <Text fw={600} size="sm">
          {t('auth.firstRun.managerSection')}
        </Text>
        <TextInput label={t('auth.fields.yourName')} required autoComplete="name" {...form.textProps('name')} />
        <TextInput label={t('auth.fields.email')} type="email" required autoComplete="email" {...form.textProps('email')} />
        <PasswordInput
          label={t('auth.fields.password')}
          description={t('auth.firstRun.passwordHint')}
          required
          autoComplete="new-password"
          {...form.textProps('password')}
        />
        <PasswordInput
          label={t('auth.fields.confirmPassword')}
          required
          autoComplete="new-password"
          {...form.textProps('confirmPassword')}
        />
      </FormFrame>
      {props.footer}
    </AuthLayout>
  );
}
