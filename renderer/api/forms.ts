/**
 * Form state for screens whose rules live in core: values, a message per field and one for
 * the whole form. A failed call's `invalid` issues land beside their fields (an issue's
 * path is the input path, e.g. ['patch', 'website'] for an update, ['managerEmail'] for
 * setup); whatever names no field of the form is shown at the top.
 */
import { useCallback, useMemo, useState, type ChangeEvent } from 'react';
import type { FieldIssue } from '../../shared/api/errors.js';
import { asApiFailure } from './errors.js';

export type FieldErrors<V> = Partial<Record<keyof V & string, string>>;

export interface ApiFormOptions<V> {
  initialValues: V;
  /** The input path the form's fields sit under: ['patch'] for an update call. */
  pathPrefix?: readonly string[];
  /** Input field → form field, where the call names them differently (managerEmail → email). */
  fieldOf?: Readonly<Record<string, keyof V & string>>;
  /** Rewords a message from core for display (e.g. zod's "expected string, received undefined"). */
  describeIssue?: (message: string) => string;
}

export interface MappedFailure<V> {
  fieldErrors: FieldErrors<V>;
  /** The message for the whole form, or null when every issue sits beside a field. */
  formError: string | null;
}

/** Splits a failure into per-field messages and a form-level message. Pure; used by useApiForm. */
export function mapFailureToFields<V>(
  error: unknown,
  fields: readonly (keyof V & string)[],
  opts: Pick<ApiFormOptions<V>, 'pathPrefix' | 'fieldOf' | 'describeIssue'> = {},
): MappedFailure<V> {
  const failure = asApiFailure(error).error;
  const describe = opts.describeIssue ?? ((m: string) => m);
  const prefix = opts.pathPrefix ?? [];
  const fieldOfPath = (path: readonly (string | number)[]): (keyof V & string) | null => {
    const rest = prefix.every((p, i) => path[i] === p) ? path.slice(prefix.length) : path;
    const head = rest[0];
    if (typeof head !== 'string') return null;
    const mapped = opts.fieldOf?.[head] ?? head;
    return (fields as readonly string[]).includes(mapped) ? (mapped as keyof V & string) : null;
  };

  const issues: FieldIssue[] =
    failure.code === 'invalid'
      ? failure.issues
      : failure.code === 'conflict' && failure.field
        ? [{ path: failure.field.split('.'), message: failure.message }]
        : [];
  const fieldErrors: FieldErrors<V> = {};
  const leftover: string[] = [];
  for (const issue of issues) {
    const field = fieldOfPath(issue.path);
    if (field && fieldErrors[field] === undefined) fieldErrors[field] = describe(issue.message);
    else if (!field) leftover.push(describe(issue.message));
  }
  let formError: string | null = null;
  if (issues.length === 0) formError = failure.message;
  else if (leftover.length > 0) formError = leftover.join(' ');
  return { fieldErrors, formError };
}

export function useApiForm<V extends Record<string, unknown>>(opts: ApiFormOptions<V>) {
  const [values, setValuesState] = useState<V>(opts.initialValues);
  const [errors, setErrors] = useState<FieldErrors<V>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [initialValues, setInitialValues] = useState<V>(opts.initialValues);
  // The mapping options are fixed for the life of the form.
  const [config] = useState(() => ({ pathPrefix: opts.pathPrefix, fieldOf: opts.fieldOf, describeIssue: opts.describeIssue }));
  const fields = useMemo(() => Object.keys(initialValues) as (keyof V & string)[], [initialValues]);

  const setFieldValue = useCallback(<K extends keyof V & string>(field: K, value: V[K]) => {
    setValuesState((current) => ({ ...current, [field]: value }));
    // A field's message is about the old value: clear it as soon as the user edits.
    setErrors((current) => (current[field] === undefined ? current : { ...current, [field]: undefined }));
  }, []);

  /** Back to the initial values, or to `next`, which become the new initial values. */
  const reset = useCallback(
    (next?: V) => {
      if (next) setInitialValues(next);
      setValuesState(next ?? initialValues);
      setErrors({});
      setFormError(null);
    },
    [initialValues],
  );

  /** Shows a failed call's messages; returns true when at least one sits beside a field. */
  const showFailure = useCallback(
    (error: unknown): boolean => {
      const mapped = mapFailureToFields<V>(error, fields, config);
      setErrors(mapped.fieldErrors);
      setFormError(mapped.formError);
      return Object.keys(mapped.fieldErrors).length > 0;
    },
    [fields, config],
  );

  const clearErrors = useCallback(() => {
    setErrors({});
    setFormError(null);
  }, []);

  const setFieldError = useCallback((field: keyof V & string, message: string | undefined) => {
    setErrors((current) => ({ ...current, [field]: message }));
  }, []);

  /** Props for Mantine text-like inputs (TextInput, Textarea, PasswordInput). */
  const textProps = useCallback(
    (field: keyof V & string) => ({
      name: field,
      value: (values[field] as string | null | undefined) ?? '',
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        setFieldValue(field, event.currentTarget.value as V[typeof field]),
      error: errors[field],
      // Mantine's PasswordInput does not set this itself.
      'aria-invalid': errors[field] !== undefined,
    }),
    [values, errors, setFieldValue],
  );

  /** Props for Mantine Select (value is a string or null). */
  const selectProps = useCallback(
    (field: keyof V & string) => ({
      name: field,
      value: (values[field] as string | null | undefined) ?? null,
      onChange: (value: string | null) => setFieldValue(field, value as V[typeof field]),
      error: errors[field],
    }),
    [values, errors, setFieldValue],
  );

  /** Props for Mantine Checkbox and Switch. */
  const checkboxProps = useCallback(
    (field: keyof V & string) => ({
      name: field,
      checked: Boolean(values[field]),
      onChange: (event: ChangeEvent<HTMLInputElement>) => setFieldValue(field, event.currentTarget.checked as V[typeof field]),
      error: errors[field],
    }),
    [values, errors, setFieldValue],
  );

  const isDirty = useMemo(() => fields.some((k) => values[k] !== initialValues[k]), [fields, values, initialValues]);

  return {
    values,
    errors,
    formError,
    isDirty,
    setFieldValue,
    setFieldError,
    setFormError,
    showFailure,
    clearErrors,
    reset,
    textProps,
    selectProps,
    checkboxProps,
  };
}

export type ApiForm<V extends Record<string, unknown>> = ReturnType<typeof useApiForm<V>>;

/** '' → null: an emptied optional field clears the stored value. */
export function blankToNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value.trim() === '' ? null : value;
}

/** The fields whose values differ from the record's: the patch of an update call. */
export function changedFields<V extends Record<string, unknown>>(
  next: V,
  previous: Partial<Record<keyof V, unknown>>,
): Partial<V> {
  const patch: Partial<V> = {};
  for (const key of Object.keys(next) as (keyof V)[]) {
    if (next[key] !== previous[key]) patch[key] = next[key];
  }
  return patch;
}
