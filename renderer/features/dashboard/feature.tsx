import { IconLayoutDashboard } from '@tabler/icons-react';
import type { Feature } from '../../shell/feature.js';
import { DashboardDataSync } from './DashboardDataSync.js';
import { DashboardPage } from './DashboardPage.js';

/** The landing page: first in the navigation, so the app opens on it. */
export const dashboardFeature: Feature = {
  routes: [{ path: 'dashboard', element: <DashboardPage /> }],
  nav: [{ to: '/dashboard', labelKey: 'dashboard.nav', icon: IconLayoutDashboard, permission: 'centre.read', order: 10 }],
  global: DashboardDataSync,
};
