import { IconStack2 } from '@tabler/icons-react';
import type { Feature } from '../../shell/feature.js';
import { ProgrammeDetailPage } from './ProgrammeDetailPage.js';
import { ProgrammesListPage } from './ProgrammesListPage.js';

export const programmesFeature: Feature = {
  routes: [
    { path: 'programmes', element: <ProgrammesListPage /> },
    { path: 'programmes/:id', element: <ProgrammeDetailPage /> },
  ],
  nav: [{ to: '/programmes', labelKey: 'programmes.nav', icon: IconStack2, permission: 'programmes.read', order: 60 }],
};
