import { IconSchool } from '@tabler/icons-react';
import type { Feature } from '../../shell/feature.js';
import { TraineeDetailPage } from './TraineeDetailPage.js';
import { TraineesListPage } from './TraineesListPage.js';

export const traineesFeature: Feature = {
  routes: [
    { path: 'trainees', element: <TraineesListPage /> },
    { path: 'trainees/:id', element: <TraineeDetailPage /> },
  ],
  nav: [{ to: '/trainees', labelKey: 'trainees.nav', icon: IconSchool, permission: 'trainees.read', order: 50 }],
};
