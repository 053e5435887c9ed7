// TanStack Query client. Refused calls (4xx) are not retried; an UNAUTHORIZED answer to any call
// other than auth.* means the session ended: drop the cached user so the guards send us to login.
// auth.me answering "nobody" on a refetch after it knew a user means the same (the session expired
// on the server while the tab was open); a deliberate logout writes the cache by hand and is not that.
import { MutationCache, QueryCache, QueryClient, type QueryCacheNotifyEvent } from '@tanstack/react-query';
import { apiErrorCode, isClientError } from '../api/errors.js';
import { markSessionExpired } from '../auth/session-expiry.js';

const ME_KEY_PREFIX = [['auth', 'me']];

function isMeKey(key: readonly unknown[]): boolean {
  const path = key[0];
  return Array.isArray(path) && path[0] === 'auth' && path[1] === 'me';
}

function userOf(data: unknown): unknown {
  return typeof data === 'object' && data !== null && 'user' in data ? data.user : undefined;
}

/** Watches auth.me: a fetched `user: null` after a known user marks the session as expired. */
function watchSessionEnd(cache: QueryCache): void {
  let knewUser = false;
  cache.subscribe((event: QueryCacheNotifyEvent) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    if (!isMeKey(event.query.queryKey as readonly unknown[])) return;
    const hasUser = Boolean(userOf(event.action.data));
    if (knewUser && !hasUser && !event.action.manual) markSessionExpired();
    knewUser = hasUser;
  });
}

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
  watchSessionEnd(client.getQueryCache());
  return client;
}
