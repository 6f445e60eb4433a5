/**
 * The first manager of a centre that came from the server without one (`sync.firstManager`):
 * created here, sent to the server with the next sync, and signed in at once.
 */
import { PasswordInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiForm } from '../../api/forms.js';
import { useApiMutation } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormFrame } from '../../components/FormFrame.js';
import { useNotify } from '../../components/notify.js';
import { useSession } from '../auth/session.js';

const initialValues = { name: '', email: '', password: '', confirmPassword: '' };

export function FirstManagerForm() {
  const { t } = useTranslation();
  const session = useSession();
  const notify = useNotify();
  const describeIssue = useDescribeIssue();
  const form = useApiForm({ initialValues, describeIssue });
  const create = useApiMutation('sync.firstManager');

  const submit = async () => {
    const v = form.values;
    if (v.password !== v.confirmPassword) {
      form.setFieldError('confirmPassword', t('sync.firstManager.passwordsDiffer'));
      return;
    }
    const result = await create.mutateAsync({ name: v.name, email: v.email, password: v.password });
    await session.signedIn(result);
    notify.saved(t('sync.firstManager.created', { name: result.user.name }));
  };

  return (
    <FormFrame form={form} onSubmit={submit} submitLabel={t('sync.firstManager.submit')} pending={create.isPending}>
      <TextInput label={t('sync.firstManager.name')} required autoFocus autoComplete="name" {...form.textProps('name')} />
      <TextInput label={t('sync.firstManager.email')} type="email" required autoComplete="email" {...form.textProps('email')} />
      <PasswordInput
        label={t('sync.firstManager.password')}
        description={t('sync.firstManager.passwordHint')}
        required
        autoComplete="new-password"
        {...form.textProps('password')}
      />
      <PasswordInput
        label={t('sync.firstManager.confirmPassword')}
        required
        autoComplete="new-password"
        {...form.textProps('confirmPassword')}
      />
    </FormFrame>
  );
}
