/**
 * The frame of a form that saves through core: the submit handling every such form shares
 * (no browser validation, earlier messages cleared, a refusal's messages placed beside their
 * fields), the message about the whole form on top, and Cancel and the submit button at the
 * bottom.
 */
import type { FormEvent, ReactNode } from 'react';
import { Button, Group, Stack, type MantineSpacing } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiForm } from '../api/forms.js';
import { FormError } from './FormError.js';

/** What the frame needs of a form: useApiForm's result, or the same three for a form of its own. */
export type FramedForm = Pick<ApiForm<Record<string, unknown>>, 'formError' | 'clearErrors' | 'showFailure'>;

/** Cancel and the submit button, at the end of a form. */
export function FormActions(props: {
  submitLabel: string;
  pending: boolean;
  /** Leaves the form; without it the submit button spans the form (sign-in, first run). */
  onCancel?: () => void;
  /** The submit button is red: ending or removing something. */
  danger?: boolean;
  /** A line on the left (e.g. a keyboard shortcut). */
  hint?: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (
    <Button type="submit" loading={props.pending} color={props.danger ? 'red' : undefined} fullWidth={!props.onCancel}>
      {props.submitLabel}
    </Button>
  );
  if (!props.onCancel) return <div style={{ marginTop: 'var(--mantine-spacing-xs)' }}>{submit}</div>;
  return (
    <Group justify={props.hint ? 'space-between' : 'flex-end'} gap="sm" mt={props.hint ? 'xs' : undefined}>
      {props.hint}
      <Group gap="sm">
        <Button variant="default" onClick={props.onCancel} disabled={props.pending}>
          {t('common.cancel')}
        </Button>
        {submit}
      </Group>
    </Group>
  );
}

export function FormFrame(props: {
  form: FramedForm;
  /** Sends the form; a failure it throws is shown on the form. */
  onSubmit: () => Promise<void>;
  submitLabel: string;
  pending: boolean;
  onCancel?: () => void;
  danger?: boolean;
  hint?: ReactNode;
  /** The form's accessible name. */
  label?: string;
  gap?: MantineSpacing;
  children: ReactNode;
}) {
  const { form } = props;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    try {
      await props.onSubmit();
    } catch (error) {
      form.showFailure(error);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={props.label}>
      <Stack gap={props.gap ?? 'md'}>
        <FormError message={form.formError} />
        {props.children}
        <FormActions
          submitLabel={props.submitLabel}
          pending={props.pending}
          onCancel={props.onCancel}
          danger={props.danger}
          hint={props.hint}
        />
      </Stack>
    </form>
  );
}
