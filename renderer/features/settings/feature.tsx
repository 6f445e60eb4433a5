import { IconSettings } from '@tabler/icons-react';
import type { Feature } from '../../shell/feature.js';
import { SettingsPage } from './SettingsPage.js';

export const settingsFeature: Feature = {
  routes: [{ path: 'settings', element: <SettingsPage /> }],
  nav: [{ to: '/settings', labelKey: 'settings.nav', icon: IconSettings, permission: 'signed-in', order: 90 }],
};
