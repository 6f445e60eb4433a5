/**
 * "Log a session": the sessions feature's global modal, opened with Ctrl+L (⌘L) from any
 * screen or from a button. One sessions.record call saves the session and its action items
 * together; core's refusals show beside their fields, action item rows included.
 */
import { useState, type FormEvent } from 'react';
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
  Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/auth/permissions.js';
import { SessionMode } from '../../../shared/records/sessions.js';
import { useApiMutation, useApiQuery } from '../../api/query.js';
import { useDescribeIssue } from '../../components/error-message.js';
import { FormError } from '../../components/FormError.js';
import { useNotify } from '../../components/notify.js';
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
import { MentorPicker, StartupPicker } from './pickers.js';

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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors(noErrors);
    const { input, sentRows } = recordSessionInput(values);
    try {
      const saved = await record.mutateAsync(input);
      notify.saved(
        saved.actionItems.length > 0
          ? t('sessions.log.savedWithItems', { count: saved.actionItems.length, minutes: saved.minutes })
          : t('sessions.log.saved', { minutes: saved.minutes }),
      );
      props.onDone();
    } catch (error) {
      setErrors(mapRecordFailure(error, sentRows, describeIssue));
    }
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
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('sessions.log.title')}>
      <Stack gap="md">
        <FormError message={errors.form} />
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
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" style={{ alignItems: 'end' }}>
          <TextInput
            type="datetime-local"
            label={t('sessions.fields.startsAt')}
            description={mentorTime ?? t('sessions.log.yourZone', { zone: viewerZone() })}
            required
            value={values.startsAt}
            onChange={(e) => set('startsAt', e.currentTarget.value)}
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
            <TextInput
              type="datetime-local"
              label={t('sessions.fields.endsAt')}
              description={switchLength}
              required
              value={values.endsAt}
              onChange={(e) => set('endsAt', e.currentTarget.value)}
              error={lengthError}
            />
          )}
          <Box>
            <Text size="sm" fw={500} id="log-session-mode" mb={4}>
              {t('sessions.fields.mode')}
            </Text>
            <SegmentedControl
              fullWidth
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
        </SimpleGrid>
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

        <Group justify="space-between" gap="sm" mt="xs">
          <Text size="xs" c="dimmed">
            {t('sessions.log.shortcutHint')}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={props.onDone} disabled={record.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('sessions.log.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
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
      <Tooltip label={t('sessions.actionItems.fields.dueOn')} withArrow openDelay={400}>
        <TextInput
          w={150}
          type="date"
          aria-label={label(t('sessions.actionItems.fields.dueOn'))}
          value={row.dueOn}
          onChange={(e) => props.onChange({ dueOn: e.currentTarget.value })}
          error={errors.dueOn}
        />
      </Tooltip>
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
