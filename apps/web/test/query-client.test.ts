import { afterEach, describe, expect, it } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import { createQueryClient } from '../src/app/query-client.js';
import { clearSessionExpired, isSessionExpired } from '../src/auth/session-expiry.js';

const ME_KEY = [['auth', 'me'], { type: 'query' }];
const LIST_KEY = [['chargePoints', 'list'], { input: {}, type: 'query' }];
const user = { id: 'u1', email: 'operator@dso.example' };

function unauthorized(): TRPCClientError<never> {
  return TRPCClientError.from({
    error: { code: -32001, message: 'Sign in again.', data: { code: 'UNAUTHORIZED', httpStatus: 401 } },
  });
}

afterEach(() => clearSessionExpired());

describe('session end detection', () => {
  it('an UNAUTHORIZED answer to a data query marks the session expired and forgets the user', async () => {
    const client = createQueryClient();
    await client.fetchQuery({ queryKey: ME_KEY, queryFn: () => ({ user }) });
    await expect(
      client.fetchQuery({ queryKey: LIST_KEY, queryFn: () => Promise.reject(unauthorized()) }),
    ).rejects.toThrow();
    expect(isSessionExpired()).toBe(true);
    expect(client.getQueryData(ME_KEY)).toEqual({ user: null });
  });

  it('auth.me answering "nobody" after a known user marks the session expired', async () => {
    const client = createQueryClient();
    await client.fetchQuery({ queryKey: ME_KEY, queryFn: () => ({ user }) });
    await client.fetchQuery({ queryKey: ME_KEY, queryFn: () => ({ user: null }), staleTime: 0 });
    expect(isSessionExpired()).toBe(true);
  });

  it('a deliberate logout (cache written by hand) or a first visit is not an expiry', async () => {
    const client = createQueryClient();
    await client.fetchQuery({ queryKey: ME_KEY, queryFn: () => ({ user: null }) });
    expect(isSessionExpired()).toBe(false);
    await client.fetchQuery({ queryKey: ME_KEY, queryFn: () => ({ user }), staleTime: 0 });
    client.setQueryData(ME_KEY, { user: null });
    expect(isSessionExpired()).toBe(false);
  });

  it('refused calls are not retried', async () => {
    const client = createQueryClient();
    let calls = 0;
    await expect(
      client.fetchQuery({
        queryKey: LIST_KEY,
        queryFn: () => {
          calls += 1;
          return Promise.reject(unauthorized());
        },
        retry: client.getDefaultOptions().queries?.retry ?? false,
      }),
    ).rejects.toThrow();
    expect(calls).toBe(1);
  });
});
