/**
 * Routes of the signed-in app, gathered from the features. A hash router: the same build
 * runs from app:// in the desktop app and from the web host, with no server routing.
 */
import { createHashRouter, Navigate } from 'react-router';
import { AppLayout } from './AppLayout.js';
import { features, navigation } from './features.js';
import { NotFoundPage } from './NotFoundPage.js';

export function createAppRouter() {
  return createHashRouter([
    {
      element: <AppLayout />,
      children: [
        { index: true, element: <Navigate to={navigation[0]?.to ?? '/startups'} replace /> },
        ...features.flatMap((f) => f.routes),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
