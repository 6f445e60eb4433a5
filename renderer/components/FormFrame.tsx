/**
 * The frame of a form that saves through core: the submit handling every such form shares
 * (no browser validation, earlier messages cleared, a refusal's messages placed beside their
 * fields), the message about the whole form on top, and Cancel and the submit button at the
 * bottom.
 */
import type { FormEvent, ReactNode } from 'react';
import { Button, Group, Modal, Stack, type MantineSpacing, type ModalProps } from '@mantine/core';
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

interface FormFrameProps {
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
}

export function FormFrame(props: FormFrameProps) {
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

/**
 * A dialog holding one form. It closes once the form is saved; closing it (Cancel, Esc, ×)
 * forgets what was typed and the last refusal; a click outside does not close it once
 * something has been typed.
 */
export function FormModal(
  props: Omit<FormFrameProps, 'onCancel' | 'form'> & {
    form: FramedForm & { reset: () => void; isDirty: boolean };
    /** The form's call, whose last result is forgotten too. */
    mutation: { reset: () => void };
    opened: boolean;
    onClose: () => void;
    title: string;
    size?: ModalProps['size'];
  },
) {
  const { form, mutation, opened, onClose, title, size, onSubmit, ...frame } = props;
  const close = () => {
    form.reset();
    mutation.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title} size={size} closeOnClickOutside={!form.isDirty}>
      <FormFrame
        {...frame}
        form={form}
        onCancel={close}
        onSubmit={async () => {
          await onSubmit();
          close();
        }}
      />
    </Modal>
  );
}
