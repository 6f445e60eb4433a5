import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../shared/api/index.js';
import { can } from '../../../../shared/auth/permissions.js';
import { useApiMutation } from '../../../api/query.js';
import { useNotify } from '../../../components/notify.js';
import { useSession } from '../../auth/session.js';

/**
 * A personal value as the API returns it (masked), with a "Reveal" button for roles that
 * may see it in clear. Each reveal is written to the audit log by core.
 */
export function RevealPhone(props: {
  masked: string | null;
  table: InputOf<'pii.reveal'>['table'];
  field: InputOf<'pii.reveal'>['field'];
  id: string;
  /** Who the value belongs to, for the button's accessible name. */
  owner: string;
}) {
  const { t } = useTranslation();
  const { role } = useSession();
  const notify = useNotify();
  const reveal = useApiMutation('pii.reveal');
  const [clear, setClear] = useState<string | null>(null);

  if (!props.masked)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  if (clear !== null) {
    return (
      <Text span ff="monospace" size="sm">
        {clear}
      </Text>
    );
  }
  const onReveal = async () => {
    try {
      const result = await reveal.mutateAsync({ table: props.table, id: props.id, field: props.field });
      setClear(result.value ?? '');
    } catch (error) {
      notify.failed(error, t('startups.reveal.failed'));
    }
  };
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <Text span ff="monospace" size="sm">
        {props.masked}
      </Text>
      {can(role, 'pii.reveal') ? (
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconEye size={14} aria-hidden />}
          loading={reveal.isPending}
          onClick={() => void onReveal()}
          aria-label={t('startups.reveal.label', { name: props.owner })}
        >
          {t('startups.reveal.button')}
        </Button>
      ) : null}
    </Group>
  );
}
