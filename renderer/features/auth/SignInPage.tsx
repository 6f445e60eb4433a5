import { PasswordInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiForm } from '../../api/forms.js';
import { useApiMutation } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormFrame } from '../../components/FormFrame.js';
import { AuthLayout } from './AuthLayout.js';
import { useSession } from './session.js';

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const describeIssue = useDescribeIssue();
  const form = useApiForm({ initialValues: { email: '', password: '' }, describeIssue });
  const signIn = useApiMutation('auth.signIn');

  const submit = async () => {
    await session.signedIn(await signIn.mutateAsync({ email: form.values.email, password: form.values.password }));
  };

  return (
    <AuthLayout
      title={t('auth.signIn.title')}
      description={
        session.centre ? t('auth.signIn.descriptionCentre', { centre: session.centre.name }) : t('auth.signIn.description')
      }
    >
      <FormFrame form={form} onSubmit={submit} submitLabel={t('auth.signIn.submit')} pending={signIn.isPending}>
        <TextInput
          label={t('auth.fields.email')}
          type="email"
          required
          autoFocus
          autoComplete="username"
          {...form.textProps('email')}
        />
        <PasswordInput
          label={t('auth.fields.password')}
          required
          autoComplete="current-password"
          {...form.textProps('password')}
        />
      </FormFrame>
    </AuthLayout>
  );
}
