// Helpers for procedure tests: dependencies on a real database with a silent logger and a
// controllable clock, and a tRPC caller signed in as a given user (through the real login).
import pino from 'pino';
import type { IncomingMessage } from 'node:http';
import type { Db, DbProvider } from '../db/client.js';
import { createContext, type AppDeps } from '../trpc/context.js';
import { createCallerFactory } from '../trpc/init.js';
import { appRouter } from '../trpc/app-router.js';
import type { SessionCookies } from '../features/auth/session-cookie.js';
import { SESSION_COOKIE } from '../features/auth/session-cookie.js';
import { DEMO_PASSWORD } from '../seed/demo-seed.js';

export const createCaller = createCallerFactory(appRouter);

export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
}

export function testClock(start = new Date('2026-11-25T12:00:00Z')): TestClock {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

export function testDeps(db: Db, clock: TestClock = testClock(), provider: DbProvider = 'sqlite'): AppDeps {
  return {
    db,
    provider,
    log: pino({ level: 'silent' }),
    now: clock.now,
    auth: { sessionTtlMs: 12 * 3_600_000, sessionIdleMs: 2 * 3_600_000, secureCookies: false },
  };
}

/** A recorded cookie jar standing in for the HTTP response (the HTTP tests check the real header). */
export function cookieJar(): SessionCookies & { token: string | null } {
  const jar = {
    token: null as string | null,
    set: (token: string) => void (jar.token = token),
    clear: () => void (jar.token = null),
  };
  return jar;
}

const fakeRequest = (token: string | null) =>
  ({ headers: token ? { cookie: `${SESSION_COOKIE}=${token}` } : {}, socket: { remoteAddress: '127.0.0.1' } }) as unknown as IncomingMessage;

export async function callerWithToken(deps: AppDeps, token: string | null) {
  const jar = cookieJar();
  jar.token = token;
  return { caller: createCaller(await createContext(deps, fakeRequest(token), jar)), jar };
}

/** Logs in through auth.login and returns a caller carrying the new session. */
export async function signedInCaller(deps: AppDeps, email: string, password = DEMO_PASSWORD) {
  const { caller: anonymous, jar } = await callerWithToken(deps, null);
  await anonymous.auth.login({ email, password });
  if (!jar.token) throw new Error('login did not set a session cookie');
  return { ...(await callerWithToken(deps, jar.token)), token: jar.token };
}
