/**
 * The only way screens read and write data: `useApiQuery(method, input)` and
 * `useApiMutation(method)`, typed from the API contract. Query keys are `[method, input]`,
 * so invalidation by method prefix (see invalidation.ts) reaches every variant of a list.
 */
import {
  useMutation,
  useQuery,
  type UseMutationOptions,
  type UseMutationResult,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { ApiFailure } from '../../shared/api/errors.js';
import type { InputOf, Method, OutputOf } from '../../shared/api/index.js';
import { useApiClient } from './ApiProvider.js';
import { asApiFailure } from './errors.js';

declare module '@tanstack/react-query' {
  interface Register {
    // queryFn and mutationFn below turn every error into an ApiFailure.
    defaultError: ApiFailure;
  }
}

export type ApiQueryKey<M extends Method> = readonly [M, InputOf<M>];

export function apiQueryKey<M extends Method>(method: M, input: InputOf<M>): ApiQueryKey<M> {
  return [method, input] as const;
}

export type ApiQueryOptions<M extends Method, TData = OutputOf<M>> = Omit<
  UseQueryOptions<OutputOf<M>, ApiFailure, TData, ApiQueryKey<M>>,
  'queryKey' | 'queryFn'
>;

export function useApiQuery<M extends Method, TData = OutputOf<M>>(
  method: M,
  input: InputOf<M>,
  options?: ApiQueryOptions<M, TData>,
): UseQueryResult<TData, ApiFailure> {
  const client = useApiClient();
  return useQuery({
    ...options,
    queryKey: apiQueryKey(method, input),
    queryFn: async ({ queryKey }) => {
      try {
        return await client.call(queryKey[0], queryKey[1]);
      } catch (error) {
        throw asApiFailure(error);
      }
    },
  });
}

export type ApiMutationOptions<M extends Method, TContext = unknown> = Omit<
  UseMutationOptions<OutputOf<M>, ApiFailure, InputOf<M>, TContext>,
  'mutationFn'
>;

/**
 * A call that changes data. Caches refresh through core's data.changed event, so callers
 * need not invalidate by hand.
 */
export function useApiMutation<M extends Method, TContext = unknown>(
  method: M,
  options?: ApiMutationOptions<M, TContext>,
): UseMutationResult<OutputOf<M>, ApiFailure, InputOf<M>, TContext> {
  const client = useApiClient();
  return useMutation({
    ...options,
    mutationKey: [method],
    mutationFn: async (input: InputOf<M>) => {
      try {
        return await client.call(method, input);
      } catch (error) {
        throw asApiFailure(error);
      }
    },
  });
}
