import { Autocomplete, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiForm } from '../../api/forms.js';
import { useMentorFacets } from './facets.js';
import type { MentorFormValues } from './mentor-form.js';
import { timeZoneOptions } from './time.js';

/** The fields of a mentor's profile, shared by the "New mentor" and edit forms. */
export function MentorFields(props: { form: ApiForm<MentorFormValues>; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const { form } = props;
  const facets = useMentorFacets();
  const zones = timeZoneOptions();
  const zoneData = form.values.timeZone && !zones.includes(form.values.timeZone) ? [form.values.timeZone, ...zones] : zones;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('mentors.fields.name')}
          required
          data-autofocus={props.autoFocus || undefined}
          {...form.textProps('name')}
        />
        <TextInput label={t('mentors.fields.organisation')} {...form.textProps('organisation')} />
      </SimpleGrid>
      <TagsInput
        label={t('mentors.fields.expertise')}
        description={t('mentors.form.expertiseHint')}
        data={facets.expertise}
        splitChars={[',']}
        clearable
        value={form.values.expertise}
        onChange={(value) => form.setFieldValue('expertise', value)}
        error={form.errors.expertise}
        comboboxProps={{ withinPortal: true }}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Autocomplete
          label={t('mentors.fields.city')}
          data={facets.cities}
          value={form.values.city}
          onChange={(value) => form.setFieldValue('city', value)}
          error={form.errors.city}
          comboboxProps={{ withinPortal: true }}
        />
        <Autocomplete
          label={t('mentors.fields.country')}
          required
          withAsterisk={false}
          data={facets.countries}
          value={form.values.country}
          onChange={(value) => form.setFieldValue('country', value)}
          error={form.errors.country}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('mentors.fields.timeZone')}
          required
          searchable
          data={zoneData}
          limit={200}
          allowDeselect={false}
          nothingFoundMessage={t('common.noOptions')}
          comboboxProps={{ withinPortal: true }}
          {...form.selectProps('timeZone')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput label={t('mentors.fields.email')} type="email" inputMode="email" {...form.textProps('email')} />
        <TextInput label={t('mentors.fields.phone')} type="tel" inputMode="tel" {...form.textProps('phone')} />
      </SimpleGrid>
      <Textarea
        label={t('mentors.fields.availability')}
        placeholder={t('mentors.form.availabilityPlaceholder')}
        autosize
        minRows={2}
        maxRows={6}
        {...form.textProps('availability')}
      />
    </Stack>
  );
}
