import { IconUserStar } from '@tabler/icons-react';
import type { Feature } from '../../shell/feature.js';
import { MentorDetailPage } from './MentorDetailPage.js';
import { MentorsListPage } from './MentorsListPage.js';

export const mentorsFeature: Feature = {
  routes: [
    { path: 'mentors', element: <MentorsListPage /> },
    { path: 'mentors/:id', element: <MentorDetailPage /> },
  ],
  nav: [{ to: '/mentors', labelKey: 'mentors.nav', icon: IconUserStar, permission: 'mentors.read', order: 30 }],
};
