import { IconRocket } from '@tabler/icons-react';
import type { Feature } from '../../shell/feature.js';
import { StartupDetailPage } from './StartupDetailPage.js';
import { StartupsListPage } from './StartupsListPage.js';

export const startupsFeature: Feature = {
  routes: [
    { path: 'startups', element: <StartupsListPage /> },
    { path: 'startups/:id', element: <StartupDetailPage /> },
    { path: 'startups/:id/:tab', element: <StartupDetailPage /> },
  ],
  nav: [{ to: '/startups', labelKey: 'nav.startups', icon: IconRocket, permission: 'startups.read', order: 20 }],
};
