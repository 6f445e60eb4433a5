import { useCallback, useMemo } from 'react';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './error-message.js';

/** Toasts after saves and failures. */
export function useNotify() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const saved = useCallback((message: string) => {
    notifications.show({ color: 'brand', icon: <IconCheck size={18} aria-hidden />, message, autoClose: 4000 });
  }, []);
  const failed = useCallback(
    (error: unknown, title?: string) => {
      notifications.show({
        color: 'red',
        icon: <IconAlertTriangle size={18} aria-hidden />,
        title: title ?? t('errors.notSaved'),
        message: describe(error),
        autoClose: 8000,
      });
    },
    [describe, t],
  );
  return useMemo(() => ({ saved, failed }), [saved, failed]);
}
