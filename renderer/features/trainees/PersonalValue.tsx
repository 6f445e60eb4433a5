/**
 * A CNIC or phone number as core sends it (masked), with a Reveal button for roles allowed
 * to see it in clear. Each reveal is a pii.reveal call, which core writes to the audit log;
 * the clear value stays only on this screen, for this record.
 */
import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/auth/permissions.js';
import { useApiMutation } from '../../api/query.js';
import { useNotify } from '../../components/notify.js';
import { useSession } from '../auth/session.js';

export function PersonalValue(props: { traineeId: string; field: 'cnic' | 'phone'; masked: string | null; label: string }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const notify = useNotify();
  const reveal = useApiMutation('pii.reveal');
  // Keyed by the masked value: after an edit, an old clear value is not shown.
  const [revealed, setRevealed] = useState<{ masked: string | null; value: string | null } | null>(null);
  if (props.masked === null) return null;
  const clear = revealed && revealed.masked === props.masked ? revealed.value : null;

  const show = async () => {
    try {
      const { value } = await reveal.mutateAsync({ table: 'trainees', id: props.traineeId, field: props.field });
      setRevealed({ masked: props.masked, value });
    } catch (error) {
      notify.failed(error, t('trainees.reveal.failed'));
    }
  };

  return (
    <Group gap="xs" component="span" wrap="nowrap">
      <Text span ff="monospace" data-testid={`trainee-${props.field}`}>
        {clear ?? props.masked}
      </Text>
      {can(role, 'pii.reveal') ? (
        clear !== null ? (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconEyeOff size={14} aria-hidden />}
            onClick={() => setRevealed(null)}
            aria-label={t('trainees.reveal.hideLabel', { field: props.label })}
          >
            {t('trainees.reveal.hide')}
          </Button>
        ) : (
          <Button
            size="compact-xs"
            variant="light"
            leftSection={<IconEye size={14} aria-hidden />}
            onClick={() => void show()}
            loading={reveal.isPending}
            aria-label={t('trainees.reveal.showLabel', { field: props.label })}
            title={t('trainees.reveal.audited')}
          >
            {t('trainees.reveal.show')}
          </Button>
        )
      ) : null}
    </Group>
  );
}
