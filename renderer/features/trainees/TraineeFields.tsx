import type { ReactNode } from 'react';
import { Anchor, Checkbox, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiForm } from '../../api/forms.js';
import { useTraineeOptions } from './options.js';
import type { TraineeFormValues } from './trainee-form.js';

/** The record that already holds a value the form tried to save (core's conflict error). */
export interface Conflict {
  field: string;
  id: string;
  label: string;
}

/** The fields of a trainee's profile, shared by the "New trainee" and edit forms. */
export function TraineeFields(props: {
  form: ApiForm<TraineeFormValues>;
  conflict?: Conflict | null;
  autoFocus?: boolean;
  /** Edit form: CNIC and phone are shown masked until changed. */
  maskedHint?: boolean;
}) {
  const { t } = useTranslation();
  const { form, conflict } = props;
  const { genders } = useTraineeOptions();

  /** A field's message; for a duplicate, with a link to the trainee who has the value. */
  const errorOf = (field: 'cnic' | 'email'): ReactNode => {
    const message = form.errors[field];
    if (!message) return undefined;
    if (!conflict || conflict.field !== field) return message;
    return (
      <span data-testid={`conflict-${field}`}>
        {message}.{' '}
        <Anchor component={Link} to={`/trainees/${conflict.id}`} size="xs" fw={600}>
          {t('trainees.form.openExisting', { name: conflict.label })}
        </Anchor>
      </span>
    );
  };

  return (
    <Stack gap="md">
      <TextInput label={t('trainees.fields.name')} required data-autofocus={props.autoFocus || undefined} {...form.textProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('trainees.fields.cnic')}
          description={props.maskedHint ? t('trainees.form.maskedHint') : t('trainees.form.cnicHint')}
          inputMode="numeric"
          autoComplete="off"
          {...form.textProps('cnic')}
          error={errorOf('cnic')}
        />
        <TextInput label={t('trainees.fields.email')} type="email" inputMode="email" {...form.textProps('email')} error={errorOf('email')} />
        <TextInput
          label={t('trainees.fields.phone')}
          description={props.maskedHint ? t('trainees.form.maskedHint') : t('trainees.form.phoneHint')}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          {...form.textProps('phone')}
        />
        <Select label={t('trainees.fields.gender')} data={genders} clearable {...form.selectProps('gender')} />
        <TextInput label={t('trainees.fields.city')} {...form.textProps('city')} />
        <TextInput label={t('trainees.fields.district')} {...form.textProps('district')} />
        <TextInput label={t('trainees.fields.dateOfBirth')} type="date" {...form.textProps('dateOfBirth')} />
      </SimpleGrid>
      <TagsInput
        label={t('trainees.fields.skills')}
        description={t('trainees.form.skillsHint')}
        value={form.values.skills}
        onChange={(skills) => form.setFieldValue('skills', skills)}
        error={form.errors.skills}
        clearable
        splitChars={[',']}
      />
      <Checkbox label={t('trainees.fields.consent')} description={t('trainees.form.consentHint')} {...form.checkboxProps('consent')} />
    </Stack>
  );
}
