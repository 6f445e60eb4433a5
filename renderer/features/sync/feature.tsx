import { IconCloudUpload } from '@tabler/icons-react';
import type { Feature } from '../../shell/feature.js';
import { SyncIndicator } from './SyncIndicator.js';
import { SyncPage } from './SyncPage.js';

/** Sync with the central server: its page (join, status, refused changes) and the shell's indicator. */
export const syncFeature: Feature = {
  routes: [{ path: 'sync', element: <SyncPage /> }],
  nav: [{ to: '/sync', labelKey: 'sync.nav', icon: IconCloudUpload, permission: 'sync.read', order: 85 }],
  global: SyncIndicator,
};
