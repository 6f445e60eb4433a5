import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiFailure } from '../api/errors.js';

/**
 * The sentence to show for a failed call. Core's messages are written for people; the
 * ones about the connection come from the UI, in the viewer's language.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      const failure = asApiFailure(error).error;
      switch (failure.code) {
        case 'unavailable':
          return t('errors.unavailable');
        case 'unauthenticated':
          return t('errors.unauthenticated');
        default:
          return failure.message;
      }
    },
    [t],
  );
}

/**
 * Rewords zod's generic messages for a missing or unknown value, which core passes on as
 * they are ("Invalid input: expected string, received undefined").
 */
export function useDescribeIssue(): (message: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (message: string) => {
      if (/received undefined$/.test(message) || /received null$/.test(message)) return t('forms.required');
      if (/^Invalid option/.test(message)) return t('forms.chooseOption');
      return message;
    },
    [t],
  );
}
