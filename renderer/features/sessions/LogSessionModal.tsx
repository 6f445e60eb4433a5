/**
 * "Log a session": the sessions feature's global modal, opened with Ctrl+L (⌘L) from any
 * screen or from a button. One sessions.record call saves the session and its action items
 * together; core's refusals show beside their fields, action item rows included.
 */
import { useRef, useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/auth/permissions.js';
import { SessionMode } from '../../../shared/records/sessions.js';
import { useApiMutation, useApiQuery } from '../../api/query.js';
import { DateTimeField, DateField } from '../../components/DateField.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormFrame } from '../../components/FormFrame.js';
import { useNotify } from '../../components/notify.js';
import { MentorPicker, StartupPicker } from '../../components/RecordPickers.js';
import { useFormat } from '../../format/index.js';
import { useSession } from '../auth/session.js';
import { isAbroad, mentorClock, viewerZone } from '../mentors/time.js';
import {
  initialLogSessionValues,
  localInputToUtc,
  mapRecordFailure,
  newActionItemRow,
  noErrors,
  recordSessionInput,
  type ActionItemRow,
  type LogSessionErrors,
  type LogSessionValues,
  type TopField,
} from './log-session.js';
import { closeLogSession, openLogSession, useLogSessionState, type LogSessionPrefill } from './log-session-store.js';

export const LOG_SESSION_HOTKEY = 'mod+L';

/** Mounted once in the shell: the shortcut and the modal. */
export function LogSessionGlobal() {
  const { t } = useTranslation();
  const { role } = useSession();
  const state = useLogSessionState();
  const allowed = can(role, 'sessions.write');
  // Works while typing in a field too: Ctrl+L has no other use inside the app.
  useHotkeys([[LOG_SESSION_HOTKEY, () => allowed && openLogSession()]], []);
  if (!allowed) return null;
  return (
    <Modal opened={state.opened} onClose={closeLogSession} title={t('sessions.log.title')} size="xl" closeOnClickOutside={false}>
      {state.opened ? <LogSessionForm key={state.key} prefill={state.prefill} onDone={closeLogSession} /> : null}
    </Modal>
  );
}

function LogSessionForm(props: { prefill: LogSessionPrefill; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const format = useFormat();
  const describeIssue = useDescribeIssue();
  const [values, setValues] = useState<LogSessionValues>(() => initialLogSessionValues(props.prefill, new Date()));
  const [errors, setErrors] = useState<LogSessionErrors>(noErrors);
  const record = useApiMutation('sessions.record');
  const mentor = useApiQuery('mentors.get', { id: values.mentorId ?? '' }, { enabled: !!values.mentorId, staleTime: 60_000 });

  const set = <K extends keyof LogSessionValues>(field: K, value: LogSessionValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (field in errors.fields || (field === 'lengthBy' && (errors.fields.minutes || errors.fields.endsAt))) {
      setErrors((current) => {
        const fields = { ...current.fields };
        delete fields[field as TopField];
        if (field === 'lengthBy') {
          delete fields.minutes;
          delete fields.endsAt;
        }
        return { ...current, fields };
      });
    }
  };

  const setRow = (key: string, change: Partial<ActionItemRow>) => {
    setValues((current) => ({
      ...current,
      actionItems: current.actionItems.map((row) => (row.key === key ? { ...row, ...change } : row)),
    }));
    setErrors((current) => {
      const rowErrors = current.items[key];
      if (!rowErrors) return current;
      const next = { ...rowErrors };
      for (const field of Object.keys(change)) delete next[field as keyof typeof next];
      return { ...current, items: { ...current.items, [key]: next } };
    });
  };
  const addRow = () => setValues((current) => ({ ...current, actionItems: [...current.actionItems, newActionItemRow()] }));
  const removeRow = (key: string) =>
    setValues((current) => ({ ...current, actionItems: current.actionItems.filter((row) => row.key !== key) }));

  // The row keys of the action items last sent, to place core's messages on their rows.
  const sentRows = useRef<string[]>([]);
  const framed = {
    formError: errors.form,
    clearErrors: () => setErrors(noErrors),
    showFailure: (error: unknown) => {
      setErrors(mapRecordFailure(error, sentRows.current, describeIssue));
      return true;
    },
  };
  const submit = async () => {
    const request = recordSessionInput(values);
    sentRows.current = request.sentRows;
    const saved = await record.mutateAsync(request.input);
    notify.saved(
      saved.actionItems.length > 0
        ? t('sessions.log.savedWithItems', { count: saved.actionItems.length, minutes: saved.minutes })
        : t('sessions.log.saved', { minutes: saved.minutes }),
    );
    props.onDone();
  };

  // The mentor's own clock for the chosen start, when they are abroad.
  const startUtc = localInputToUtc(values.startsAt);
  const mentorZone = mentor.data?.timeZone;
  const startValid = startUtc !== undefined && !Number.isNaN(Date.parse(startUtc));
  const clock =
    mentorZone && isAbroad(mentorZone) && startValid ? mentorClock(new Date(startUtc), mentorZone, format.locale) : null;
  const mentorTime = clock ? t('sessions.mentorTime', clock) : null;
  const lengthError = values.lengthBy === 'minutes' ? errors.fields.minutes : (errors.fields.endsAt ?? errors.fields.minutes);
  const switchLength = (
    <Anchor
      component="button"
      type="button"
      size="xs"
      onClick={() => set('lengthBy', values.lengthBy === 'minutes' ? 'end' : 'minutes')}
    >
      {values.lengthBy === 'minutes' ? t('sessions.log.useEnd') : t('sessions.log.useMinutes')}
    </Anchor>
  );

  return (
    <FormFrame
      form={framed}
      onSubmit={submit}
      submitLabel={t('sessions.log.submit')}
      pending={record.isPending}
      onCancel={props.onDone}
      hint={
        <Text size="xs" c="dimmed">
          {t('sessions.log.shortcutHint')}
        </Text>
      }
      label={t('sessions.log.title')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <MentorPicker
          label={t('sessions.fields.mentor')}
          required
          data-autofocus={!props.prefill.mentorId || undefined}
          value={values.mentorId}
          onChange={(id) => set('mentorId', id)}
          error={errors.fields.mentorId}
        />
        <StartupPicker
          label={t('sessions.fields.startup')}
          required
          data-autofocus={(props.prefill.mentorId && !props.prefill.startupId) || undefined}
          value={values.startupId}
          onChange={(id) => set('startupId', id)}
          error={errors.fields.startupId}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <DateTimeField
          label={t('sessions.fields.startsAt')}
          description={mentorTime ?? t('sessions.log.yourZone', { zone: viewerZone() })}
          required
          value={values.startsAt}
          onChange={(value) => set('startsAt', value)}
          error={errors.fields.startsAt}
        />
        {values.lengthBy === 'minutes' ? (
          <NumberInput
            label={t('sessions.fields.minutes')}
            description={switchLength}
            required
            withAsterisk={false}
            min={1}
            max={24 * 60}
            step={15}
            allowDecimal={false}
            allowNegative={false}
            value={values.minutes}
            onChange={(value) => set('minutes', value)}
            error={lengthError}
          />
        ) : (
          <DateTimeField
            label={t('sessions.fields.endsAt')}
            description={switchLength}
            required
            value={values.endsAt}
            onChange={(value) => set('endsAt', value)}
            error={lengthError}
          />
        )}
      </SimpleGrid>
      <Box>
        <Text size="sm" fw={500} id="log-session-mode" mb={4}>
          {t('sessions.fields.mode')}
        </Text>
        <SegmentedControl
          aria-labelledby="log-session-mode"
          data={SessionMode.options.map((mode) => ({ value: mode, label: t(`sessions.modes.${mode}`) }))}
          value={values.mode}
          onChange={(value) => set('mode', value as LogSessionValues['mode'])}
        />
        {errors.fields.mode ? (
          <Text size="xs" c="red" mt={4}>
            {errors.fields.mode}
          </Text>
        ) : null}
      </Box>
      <TagsInput
        label={t('sessions.fields.topics')}
        description={t('sessions.log.topicsHint')}
        splitChars={[',']}
        clearable
        value={values.topics}
        onChange={(value) => set('topics', value)}
        error={errors.fields.topics}
      />
      <Textarea
        label={t('sessions.fields.notes')}
        autosize
        minRows={2}
        maxRows={6}
        value={values.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
        error={errors.fields.notes}
      />

      <Divider />
      <Group justify="space-between" align="center">
        <Title order={3} size="h5">
          {t('sessions.actionItems.title')}
        </Title>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={addRow}>
          {t('sessions.log.addItem')}
        </Button>
      </Group>
      {values.actionItems.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sessions.log.noItems')}
        </Text>
      ) : (
        <Stack gap="xs" role="list" aria-label={t('sessions.actionItems.title')}>
          {values.actionItems.map((row, index) => (
            <ActionItemFields
              key={row.key}
              row={row}
              number={index + 1}
              errors={errors.items[row.key] ?? {}}
              onChange={(change) => setRow(row.key, change)}
              onRemove={() => removeRow(row.key)}
            />
          ))}
        </Stack>
      )}
    </FormFrame>
  );
}

function ActionItemFields(props: {
  row: ActionItemRow;
  number: number;
  errors: Partial<Record<'text' | 'owner' | 'dueOn' | 'done', string>>;
  onChange: (change: Partial<ActionItemRow>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { row, number, errors } = props;
  const label = (field: string) => t('sessions.log.itemField', { number, field });
  return (
    <Group role="listitem" gap="sm" align="flex-start" wrap="nowrap">
      <TextInput
        style={{ flex: '1 1 auto' }}
        placeholder={t('sessions.actionItems.fields.text')}
        aria-label={label(t('sessions.actionItems.fields.text'))}
        value={row.text}
        onChange={(e) => props.onChange({ text: e.currentTarget.value })}
        error={errors.text}
      />
      <TextInput
        w={150}
        placeholder={t('sessions.actionItems.fields.owner')}
        aria-label={label(t('sessions.actionItems.fields.owner'))}
        value={row.owner}
        onChange={(e) => props.onChange({ owner: e.currentTarget.value })}
        error={errors.owner}
      />
      <DateField
        w={180}
        placeholder={t('sessions.log.duePlaceholder')}
        aria-label={label(t('sessions.actionItems.fields.dueOn'))}
        value={row.dueOn}
        onChange={(dueOn) => props.onChange({ dueOn })}
        error={errors.dueOn}
      />
      <Checkbox
        mt={8}
        label={t('sessions.actionItems.fields.done')}
        aria-label={label(t('sessions.actionItems.fields.done'))}
        checked={row.done}
        onChange={(e) => props.onChange({ done: e.currentTarget.checked })}
        error={errors.done}
      />
      <ActionIcon
        mt={4}
        variant="subtle"
        color="red"
        size="lg"
        onClick={props.onRemove}
        aria-label={t('sessions.log.removeItem', { number })}
      >
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
