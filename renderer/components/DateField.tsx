/**
 * Date fields as staff in Pakistan write dates: dd/mm/yyyy, typed or picked from a calendar
 * (a native date input shows mm/dd/yyyy in an en-US browser). The value is what the API
 * takes, a calendar date YYYY-MM-DD, and '' for none.
 *
 * Text that is not a date (yet) is handed on as typed rather than dropped, so that a form
 * never sends the date that was there before it; on leaving the field it says how to write
 * a date, and core refuses such a value if it is sent anyway.
 */
import { useId, useState, type FocusEvent, type FormEvent, type ReactNode } from 'react';
import { Group, Input, TextInput } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DATE_FIELD_FORMAT, isIsoDate, parseTypedDate, parseTypedTime } from '../format/index.js';

type DateInputOwnProps = 'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser' | 'fixOnBlur';

export type DateFieldProps = Omit<DateInputProps, DateInputOwnProps> & {
  /** YYYY-MM-DD, '' for none, or text typed that is not a date. */
  value: string;
  onChange: (value: string) => void;
};

/** The props that make Mantine's DateInput read and write dd/mm/yyyy, and what it shows. */
function useTypedDate(value: string, onChange: (value: string) => void) {
  const [unreadable, setUnreadable] = useState(false);
  const inputProps = {
    valueFormat: DATE_FIELD_FORMAT,
    dateParser: parseTypedDate,
    fixOnBlur: false,
    value: isIsoDate(value) ? value : null,
    onChange: (next: string | null) => {
      setUnreadable(false);
      onChange(next ?? '');
    },
    onInput: (event: FormEvent<HTMLInputElement>) => {
      const text = event.currentTarget.value.trim();
      setUnreadable(false);
      // A date DateInput reads reaches onChange above; anything else is passed on as typed.
      if (text === '') onChange('');
      else if (parseTypedDate(text) === null) onChange(text);
    },
    onBlurText: (event: FocusEvent<HTMLInputElement>) => {
      const text = event.currentTarget.value.trim();
      setUnreadable(text !== '' && parseTypedDate(text) === null);
    },
  };
  return { unreadable, inputProps };
}

/** A calendar date, typed as dd/mm/yyyy or picked; clearable unless `clearable={false}`. */
export function DateField({ value, onChange, error, clearable = true, placeholder, onBlur, ...rest }: DateFieldProps) {
  const { t } = useTranslation();
  const { unreadable, inputProps } = useTypedDate(value, onChange);
  const { onBlurText, ...typed } = inputProps;
  return (
    <DateInput
      placeholder={placeholder ?? t('forms.datePlaceholder')}
      clearable={clearable}
      leftSection={<IconCalendar size={16} aria-hidden />}
      popoverProps={{ withinPortal: true }}
      withAsterisk={false}
      {...rest}
      {...typed}
      onBlur={(event) => {
        onBlurText(event);
        onBlur?.(event);
      }}
      error={unreadable ? t('forms.dateFormat') : error}
    />
  );
}

/** YYYY-MM-DDTHH:mm (a datetime-local value) → its date and time; anything else as typed. */
function splitDateTime(value: string): { date: string; time: string } {
  const at = value.indexOf('T');
  if (at < 0) return { date: value, time: '' };
  return { date: value.slice(0, at), time: value.slice(at + 1) };
}

/**
 * A date and a time of day in the viewer's zone: dd/mm/yyyy and hh:mm on a 24-hour clock.
 * The value is YYYY-MM-DDTHH:mm, as a datetime-local input writes it ('' when both parts are
 * empty); the caller turns it into a UTC instant. A part left out or mistyped is passed on
 * as it is, for core to refuse beside the field.
 */
export function DateTimeField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  'data-autofocus'?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { date, time } = splitDateTime(props.value);
  const emit = (nextDate: string, nextTime: string) =>
    props.onChange(nextDate === '' && nextTime === '' ? '' : `${nextDate}T${nextTime}`);
  const { unreadable, inputProps } = useTypedDate(date, (nextDate) => emit(nextDate, time));
  const { onBlurText, ...typed } = inputProps;
  const [timeUnreadable, setTimeUnreadable] = useState(false);
  const error = unreadable ? t('forms.dateFormat') : timeUnreadable ? t('forms.timeFormat') : props.error;
  return (
    <Input.Wrapper
      id={id}
      label={props.label}
      description={props.description}
      error={error}
      required={props.required}
      withAsterisk={false}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <DateInput
          id={id}
          placeholder={t('forms.datePlaceholder')}
          leftSection={<IconCalendar size={16} aria-hidden />}
          popoverProps={{ withinPortal: true }}
          required={props.required}
          data-autofocus={props['data-autofocus']}
          error={Boolean(error)}
          style={{ flex: '1 1 8.5rem', minWidth: 0 }}
          {...typed}
          onBlur={onBlurText}
        />
        <TextInput
          aria-label={t('forms.timeOf', { field: props.label })}
          placeholder={t('forms.timePlaceholder')}
          inputMode="numeric"
          autoComplete="off"
          leftSection={<IconClock size={16} aria-hidden />}
          required={props.required}
          value={time}
          onChange={(event) => {
            setTimeUnreadable(false);
            emit(date, event.currentTarget.value);
          }}
          onBlur={(event) => {
            const text = event.currentTarget.value.trim();
            const read = parseTypedTime(text);
            setTimeUnreadable(text !== '' && read === null);
            if (read && read !== text) emit(date, read);
          }}
          error={Boolean(error)}
          style={{ flex: '0 0 6.5rem' }}
        />
      </Group>
    </Input.Wrapper>
  );
}
