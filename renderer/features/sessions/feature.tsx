import { IconMessages } from '@tabler/icons-react';
import type { Feature } from '../../shell/feature.js';
import { LOG_SESSION_HOTKEY, LogSessionGlobal } from './LogSessionModal.js';
import { SessionsPage } from './SessionsPage.js';

export const sessionsFeature: Feature = {
  routes: [{ path: 'sessions', element: <SessionsPage /> }],
  nav: [{ to: '/sessions', labelKey: 'sessions.nav', icon: IconMessages, permission: 'sessions.read', order: 40 }],
  global: LogSessionGlobal,
  shortcuts: [{ keys: LOG_SESSION_HOTKEY, labelKey: 'sessions.log.shortcut' }],
};
