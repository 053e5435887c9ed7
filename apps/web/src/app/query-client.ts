// TanStack Query client. Refused calls (4xx) are not retried; an UNAUTHORIZED answer to any call
// other than auth.* means the session ended: drop the cached user so the guards send us to login.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { apiErrorCode, isClientError } from '../api/errors.js';
import { markSessionExpired } from '../auth/session-expiry.js';

const ME_KEY_PREFIX = [['auth', 'me']];

function isAuthKey(key: readonly unknown[] | undefined): boolean {
  const path = key?.[0];
  return Array.isArray(path) && path[0] === 'auth';
}

export function createQueryClient(): QueryClient {
  const onError = (error: unknown, key: readonly unknown[] | undefined): void => {
    if (apiErrorCode(error) !== 'UNAUTHORIZED' || isAuthKey(key)) return;
    markSessionExpired();
    client.setQueriesData({ queryKey: ME_KEY_PREFIX }, { user: null });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => onError(error, mutation.options.mutationKey),
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (failures, error) => !isClientError(error) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
