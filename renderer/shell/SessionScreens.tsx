import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { FirstRunPage } from '../features/auth/FirstRunPage.js';
import { useSession } from '../features/auth/session.js';
import { SignInPage } from '../features/auth/SignInPage.js';
import { createAppRouter } from './router.js';

/** First run, sign-in, or the app, from the session's state. */
export function SessionScreens() {
  const session = useSession();
  // One router for the window's life: after a sign-out and in again, the address is kept.
  const [router] = useState(createAppRouter);
  if (!session.initialised) return <FirstRunPage />;
  if (!session.user) return <SignInPage />;
  return <RouterProvider router={router} />;
}
