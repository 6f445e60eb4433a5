/**
 * Makes the one API client, the connection status and the query cache available to every
 * screen, and keeps the cache in step with core: a `data.changed` event refetches the
 * queries of the tables that changed, whoever changed them.
 */
import { createContext, use, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { onlineManager, QueryCache, QueryClient, QueryClientProvider, MutationCache } from '@tanstack/react-query';
import type { ApiClient } from '../../shared/api/client.js';
import type { ConnectionState } from './connection-state.js';
import type { CoreConnection } from './connect.js';
import { asApiFailure, isFinalError } from './errors.js';
import { isStale, stalePrefixes } from './invalidation.js';

const ConnectionContext = createContext<CoreConnection | null>(null);

/** Called for every failed query or mutation (the session uses it to notice an expired sign-in). */
type FailureListener = (error: unknown) => void;
const failureListeners = new Set<FailureListener>();
export function onApiFailure(listener: FailureListener): () => void {
  failureListeners.add(listener);
  return () => failureListeners.delete(listener);
}
const reportFailure = (error: unknown) => failureListeners.forEach((listener) => listener(error));

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: reportFailure }),
    mutationCache: new MutationCache({ onError: reportFailure }),
    defaultOptions: {
      queries: {
        // Core pushes data.changed; there is nothing to poll for and no window-focus race.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !isFinalError(error) && count < 2,
      },
      mutations: {
        // A save while core is unreachable fails at once with a clear message; it is never
        // queued to happen later behind the user's back.
        networkMode: 'always',
        retry: false,
      },
    },
  });
}

/**
 * TanStack Query pauses queries while "offline". Here offline means "core is unreachable
 * or the session is not yet resumed", never the machine's internet (which this app does
 * not need), so the session layer sets it, not the browser's online events.
 */
onlineManager.setEventListener(() => () => undefined);
export function setCoreReachable(reachable: boolean): void {
  onlineManager.setOnline(reachable);
}

export function ApiProvider(props: { connection: CoreConnection; queryClient: QueryClient; children: ReactNode }) {
  const { connection, queryClient } = props;
  useEffect(
    () =>
      connection.client.on('data.changed', ({ tables }) => {
        const prefixes = stalePrefixes(tables);
        void queryClient.invalidateQueries({ predicate: (query) => isStale(query.queryKey, prefixes) });
      }),
    [connection, queryClient],
  );
  return (
    <ConnectionContext value={connection}>
      <QueryClientProvider client={queryClient}>{props.children}</QueryClientProvider>
    </ConnectionContext>
  );
}

export function useConnection(): CoreConnection {
  const connection = use(ConnectionContext);
  if (!connection) throw new Error('useApiClient outside <ApiProvider>');
  return connection;
}

export function useApiClient(): ApiClient {
  return useConnection().client;
}

export function usePlatform(): CoreConnection['platform'] {
  return useConnection().platform;
}

export function useConnectionState(): ConnectionState {
  const { status } = useConnection();
  return useSyncExternalStore(
    (listener) => status.subscribe(listener),
    () => status.getState(),
  );
}

export function useRetryConnection(): () => void {
  const { status } = useConnection();
  return () => status.retryNow();
}

export { asApiFailure };
