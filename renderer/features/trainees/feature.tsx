import type { Feature } from '../../shell/feature.js';
import { TraineeDetailPage } from './TraineeDetailPage.js';

export const traineesFeature: Feature = {
  routes: [{ path: 'trainees/:id', element: <TraineeDetailPage /> }],
  nav: [],
};
