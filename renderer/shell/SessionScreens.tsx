import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { useSession } from '../features/auth/session.js';
import { FirstRunOrJoin, SignInOrFirstManager } from '../features/sync/BeforeSignIn.js';
import { createAppRouter } from './router.js';

/**
 * First run (or joining a central server), sign-in (or a first manager for a centre that
 * came from the server without one), or the app, from the session's state.
 */
export function SessionScreens() {
  const session = useSession();
  // One router for the window's life: after a sign-out and in again, the address is kept.
  const [router] = useState(createAppRouter);
  if (!session.initialised) return <FirstRunOrJoin />;
  if (!session.user) return <SignInOrFirstManager />;
  return <RouterProvider router={router} />;
}
