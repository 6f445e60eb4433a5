import type { Feature } from '../../shell/feature.js';
import { MentorDetailPage } from './MentorDetailPage.js';

export const mentorsFeature: Feature = {
  routes: [{ path: 'mentors/:id', element: <MentorDetailPage /> }],
  nav: [],
};
