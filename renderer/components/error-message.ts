import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiFailure } from '../api/errors.js';
import { useFormat } from '../format/index.js';

/** A calendar date inside a message from core ("cannot end (2026-03-01) before …"). */
const ISO_DATE_IN_TEXT = /\b(\d{4}-\d{2}-\d{2})\b(?!T)/g;

/** Core writes dates in its messages as the API does (YYYY-MM-DD); people read "1 Mar 2026". */
function useReadableDates(): (message: string) => string {
  const format = useFormat();
  return useCallback((message: string) => message.replace(ISO_DATE_IN_TEXT, (iso: string) => format.date(iso)), [format]);
}

/**
 * The sentence to show for a failed call. Core's messages are written for people; the
 * ones about the connection come from the UI, in the viewer's language.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  const readable = useReadableDates();
  return useCallback(
    (error: unknown) => {
      const failure = asApiFailure(error).error;
      switch (failure.code) {
        case 'unavailable':
          return t('errors.unavailable');
        case 'unauthenticated':
          return t('errors.unauthenticated');
        default:
          return readable(failure.message);
      }
    },
    [t, readable],
  );
}

/**
 * Rewords zod's generic messages for a missing or unknown value, which core passes on as
 * they are ("Invalid input: expected string, received undefined"), and core's hints about
 * how to write a date, which name the API's format rather than the one date fields take.
 */
export function useDescribeIssue(): (message: string) => string {
  const { t } = useTranslation();
  const readable = useReadableDates();
  return useCallback(
    (message: string) => {
      if (/received undefined$/.test(message) || /received null$/.test(message)) return t('forms.required');
      if (/^Invalid option/.test(message)) return t('forms.chooseOption');
      if (/^Use a date and time like/.test(message)) return t('forms.dateTimeFormat');
      if (/^Use a date like/.test(message)) return t('forms.dateFormat');
      return readable(message);
    },
    [t, readable],
  );
}
