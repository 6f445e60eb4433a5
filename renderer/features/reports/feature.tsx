import { IconReportAnalytics } from '@tabler/icons-react';
import type { Feature } from '../../shell/feature.js';
import { ReportsDataSync } from './ReportsDataSync.js';
import { ReportsPage } from './ReportsPage.js';

/** The quarterly report: on screen, with the records behind each figure, and as documents. Every role may read and export it. */
export const reportsFeature: Feature = {
  routes: [{ path: 'reports', element: <ReportsPage /> }],
  nav: [{ to: '/reports', labelKey: 'reports.nav', icon: IconReportAnalytics, permission: 'reports.read', order: 70 }],
  global: ReportsDataSync,
};
