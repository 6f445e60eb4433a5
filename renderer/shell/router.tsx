/**
 * Routes of the signed-in app. A hash router: the same build runs from file:// in the
 * desktop app and from the web host, with no server routing.
 */
import { createHashRouter, Navigate } from 'react-router';
import { MentorDetailPage } from '../features/mentors/MentorDetailPage.js';
import { StartupDetailPage } from '../features/startups/StartupDetailPage.js';
import { StartupsListPage } from '../features/startups/StartupsListPage.js';
import { TraineeDetailPage } from '../features/trainees/TraineeDetailPage.js';
import { AppLayout } from './AppLayout.js';
import { NotFoundPage } from './NotFoundPage.js';

export function createAppRouter() {
  return createHashRouter([
    {
      element: <AppLayout />,
      children: [
        { index: true, element: <Navigate to="/startups" replace /> },
        { path: 'startups', element: <StartupsListPage /> },
        { path: 'startups/:id', element: <StartupDetailPage /> },
        { path: 'mentors/:id', element: <MentorDetailPage /> },
        { path: 'trainees/:id', element: <TraineeDetailPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
