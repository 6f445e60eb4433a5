import type { FormEvent } from 'react';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiForm } from '../../api/forms.js';
import { useApiMutation } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormError } from '../../components/FormError.js';
import { AuthLayout } from './AuthLayout.js';
import { useSession } from './session.js';

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const describeIssue = useDescribeIssue();
  const form = useApiForm({ initialValues: { email: '', password: '' }, describeIssue });
  const signIn = useApiMutation('auth.signIn');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    try {
      await session.signedIn(await signIn.mutateAsync({ email: form.values.email, password: form.values.password }));
    } catch (error) {
      form.showFailure(error);
    }
  };

  return (
    <AuthLayout
      title={t('auth.signIn.title')}
      description={
        session.centre ? t('auth.signIn.descriptionCentre', { centre: session.centre.name }) : t('auth.signIn.description')
      }
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <FormError message={form.formError} />
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
          <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
            {t('auth.signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
