/**
 * Who is signed in, to which centre. On start (and after the connection to core comes
 * back) the stored session token is resumed; `auth.status` then says whether the
 * workstation is set up and who the user is. A call answered `unauthenticated` while
 * signed in (the session timed out) drops back to the sign-in screen.
 */
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/api/index.js';
import type { Role } from '../../../shared/auth/roles.js';
import type { Centre, User } from '../../../shared/records/centres.js';
import { onApiFailure, setCoreReachable, useApiClient, useConnection } from '../../api/ApiProvider.js';
import { errorCode } from '../../api/errors.js';
import { apiQueryKey, useApiQuery } from '../../api/query.js';
import { useNotify } from '../../components/notify.js';
import { FullPageError, Splash } from '../../shell/Splash.js';
import { sessionToken } from './session-token.js';

type Status = OutputOf<'auth.status'>;
type Signed = OutputOf<'auth.signIn'>;

export interface Session {
  initialised: boolean;
  centre: Centre | null;
  user: User | null;
  role: Role | null;
  /** After auth.setup or auth.signIn: keeps the token and loads the signed-in state. */
  signedIn(result: Signed): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);
const STATUS_KEY = apiQueryKey('auth.status', {});

export function useSession(): Session {
  const session = use(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

/** The signed-in user; only for screens behind the sign-in. */
export function useSignedInUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useSignedInUser while signed out');
  return user;
}

export function SessionProvider(props: { children: ReactNode }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { status: connection } = useConnection();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [resumed, setResumed] = useState(false);

  const resume = useCallback(async () => {
    const token = sessionToken.get();
    if (!token) return;
    try {
      await client.call('auth.resume', { sessionToken: token });
    } catch (error) {
      // Only a refused token is forgotten; a dropped connection keeps it for the next try.
      if (errorCode(error) === 'unauthenticated') sessionToken.clear();
    }
  }, [client]);

  useEffect(() => {
    let cancelled = false;
    void resume().then(() => {
      if (!cancelled) setResumed(true);
    });
    return () => {
      cancelled = true;
    };
  }, [resume]);

  // While core is unreachable queries wait; when it is back, the new connection is signed
  // in again before anything refetches.
  useEffect(() => {
    let lost = false;
    return connection.subscribe(() => {
      const state = connection.getState();
      if (state.kind !== 'open') {
        lost = true;
        setCoreReachable(false);
      } else if (lost) {
        lost = false;
        void resume().finally(() => {
          setCoreReachable(true);
          void queryClient.invalidateQueries();
        });
      }
    });
  }, [connection, resume, queryClient]);

  const status = useApiQuery('auth.status', {}, { enabled: resumed, staleTime: Infinity });
  const user = status.data?.user ?? null;

  const forgetUserData = useCallback(() => {
    // The toasts were about the last user's work; the next one should not see them.
    notifications.clean();
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth.status' });
    queryClient.setQueryData<Status>(STATUS_KEY, (old) => (old ? { ...old, user: null } : old));
  }, [queryClient]);

  const signedIn = useCallback(
    async (result: Signed) => {
      sessionToken.set(result.sessionToken);
      await queryClient.refetchQueries({ queryKey: STATUS_KEY });
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await client.call('auth.signOut', {});
    } catch {
      // Signed out locally either way; core forgets the connection's user when it closes.
    }
    sessionToken.clear();
    forgetUserData();
    void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
  }, [client, forgetUserData, queryClient]);

  // A session that ended in core (idle timeout, account switched off) ends here too.
  const signedInRef = useRef(false);
  useEffect(() => {
    signedInRef.current = user !== null;
  }, [user]);
  useEffect(
    () =>
      onApiFailure((error) => {
        if (!signedInRef.current || errorCode(error) !== 'unauthenticated') return;
        signedInRef.current = false;
        sessionToken.clear();
        forgetUserData();
        notify.failed(error, t('auth.sessionEnded'));
        void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
      }),
    [forgetUserData, notify, queryClient, t],
  );

  const value = useMemo<Session | null>(
    () =>
      status.data
        ? {
            initialised: status.data.initialised,
            centre: status.data.centre,
            user,
            role: user?.role ?? null,
            signedIn,
            signOut,
          }
        : null,
    [status.data, user, signedIn, signOut],
  );

  if (!value) {
    if (status.isError) return <FullPageError error={status.error} onRetry={() => void status.refetch()} />;
    return <Splash label={t('connection.loading')} />;
  }
  return <SessionContext value={value}>{props.children}</SessionContext>;
}
