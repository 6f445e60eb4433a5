import { Checkbox, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiForm } from '../../api/forms.js';
import { DateField } from '../../components/DateField.js';
import { useStartupOptions } from './options.js';
import type { StartupFormValues } from './startup-form.js';

/** The fields of a startup's profile, shared by the "New startup" and edit forms. */
export function StartupFields(props: { form: ApiForm<StartupFormValues>; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const { form } = props;
  const { sectors, stages } = useStartupOptions();
  return (
    <Stack gap="md">
      <TextInput
        label={t('startups.fields.name')}
        required
        data-autofocus={props.autoFocus || undefined}
        {...form.textProps('name')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('startups.fields.sector')}
          required
          data={sectors}
          searchable
          nothingFoundMessage={t('common.noOptions')}
          {...form.selectProps('sector')}
        />
        <Select label={t('startups.fields.stage')} data={stages} allowDeselect={false} {...form.selectProps('stage')} />
        <TextInput label={t('startups.fields.city')} {...form.textProps('city')} />
        <DateField
          label={t('startups.fields.foundedOn')}
          value={form.values.foundedOn}
          onChange={(value) => form.setFieldValue('foundedOn', value)}
          error={form.errors.foundedOn}
        />
      </SimpleGrid>
      <TextInput label={t('startups.fields.website')} type="url" inputMode="url" {...form.textProps('website')} />
      <Checkbox
        label={t('startups.fields.womenLed')}
        description={t('startups.fields.womenLedHint')}
        {...form.checkboxProps('womenLed')}
      />
      <Textarea label={t('startups.fields.description')} autosize minRows={3} maxRows={10} {...form.textProps('description')} />
    </Stack>
  );
}
