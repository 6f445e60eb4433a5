/**
 * The shell's sync status, always in view once this workstation has joined a server:
 * "Synced 2 min ago", "Offline — 12 changes waiting", "Syncing…", "Sync problem". It leads
 * to the Sync page. It also syncs as soon as the network comes back.
 */
import { Affix, Button } from '@mantine/core';
import { IconAlertTriangle, IconCloudCheck, IconCloudOff, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SyncStatus } from '../../../shared/api/sync.js';
import { useRelativeTime } from './relative-time.js';
import { useSyncOnReconnect } from './use-sync-on-reconnect.js';
import { useSyncStatus } from './use-sync-status.js';

type Look = { text: string; color: string; icon: typeof IconCloudCheck };

export function useIndicatorLook(): (s: SyncStatus) => Look {
  const { t } = useTranslation();
  const relative = useRelativeTime();
  return (s) => {
    if (s.syncing) return { text: t('sync.indicator.syncing'), color: 'blue', icon: IconRefresh };
    if (s.online === false) {
      return {
        text:
          s.pendingChanges > 0 ? t('sync.indicator.offlineWaiting', { count: s.pendingChanges }) : t('sync.indicator.offline'),
        color: 'gray',
        icon: IconCloudOff,
      };
    }
    if (s.lastError) return { text: t('sync.indicator.problem'), color: 'red', icon: IconAlertTriangle };
    if (s.rejectedCount > 0)
      return { text: t('sync.indicator.rejected', { count: s.rejectedCount }), color: 'orange', icon: IconAlertTriangle };
    if (!s.lastSyncedAt) return { text: t('sync.indicator.neverSynced'), color: 'gray', icon: IconCloudOff };
    if (s.pendingChanges > 0)
      return { text: t('sync.indicator.waiting', { count: s.pendingChanges }), color: 'gray', icon: IconCloudCheck };
    return { text: t('sync.indicator.synced', { when: relative(s.lastSyncedAt) }), color: 'teal', icon: IconCloudCheck };
  };
}

export function SyncIndicator() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const look = useIndicatorLook();
  useSyncOnReconnect(status.data?.configured === true);
  if (!status.data?.configured) return null;
  const { text, color, icon: Icon } = look(status.data);
  return (
    <Affix position={{ bottom: 12, left: 12 }} zIndex={150}>
      <div role="status" aria-live="polite">
        <Button
          component={Link}
          to="/sync"
          size="xs"
          variant="light"
          color={color}
          radius="xl"
          leftSection={<Icon size={14} aria-hidden />}
          aria-label={t('sync.indicator.label', { status: text })}
          data-testid="sync-indicator"
        >
          {text}
        </Button>
      </div>
    </Affix>
  );
}
