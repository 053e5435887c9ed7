import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createTestDatabase, testProviders, type TestDatabase } from '../src/testing/test-db.js';
import { callerWithToken, signedInCaller, testClock, testDeps, type TestClock } from '../src/testing/test-app.js';
import { DEMO_USERS } from '../src/seed/demo-seed.js';

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected the call to be refused');
};

describe.each(testProviders())('auth on %s', (provider) => {
  let tdb: TestDatabase;
  let clock: TestClock;
  beforeAll(async () => {
    tdb = await createTestDatabase(provider);
    clock = testClock();
  });
  afterAll(() => tdb.destroy());

  it.each(DEMO_USERS.map((u) => [u.role, u.email] as const))('logs in as %s (%s) and knows who it is', async (role, email) => {
    const { caller } = await signedInCaller(testDeps(tdb.db, clock), email);
    const { user } = await caller.auth.me();
    expect(user).toMatchObject({ email, role });
    expect(user?.organisation.kind).toBe(role === 'cpo' ? 'cpo' : 'dso');
  });

  it('accepts the email in any case and with spaces around it', async () => {
    const { caller } = await signedInCaller(testDeps(tdb.db, clock), '  Operator@DSO.example ');
    expect((await caller.auth.me()).user?.role).toBe('operator');
  });

  it('refuses a wrong password and an unknown user alike, creating no session', async () => {
    const deps = testDeps(tdb.db, clock);
    const before = await tdb.db.session.count();
    const { caller, jar } = await callerWithToken(deps, null);
    const wrong = await codeOf(caller.auth.login({ email: 'admin@dso.example', password: 'nope' }));
    const unknown = await codeOf(caller.auth.login({ email: 'ghost@dso.example', password: 'demo-password' }));
    expect(wrong).toEqual({ code: 'UNAUTHORIZED', message: 'Wrong email or password. Check both and try again.' });
    expect(unknown).toEqual(wrong);
    expect(jar.token).toBeNull();
    expect(await tdb.db.session.count()).toBe(before);
  });

  it('refuses malformed login input with a message per field', async () => {
    const { caller } = await callerWithToken(testDeps(tdb.db, clock), null);
    const err = await codeOf(caller.auth.login({ email: '', password: '' }));
    expect(err.code).toBe('BAD_REQUEST');
  });

  it('logs out: the session is gone and the token no longer works', async () => {
    const deps = testDeps(tdb.db, clock);
    const { caller, token, jar } = await signedInCaller(deps, 'viewer@dso.example');
    await caller.auth.logout();
    expect(jar.token).toBeNull();
    const { caller: again } = await callerWithToken(deps, token);
    expect((await again.auth.me()).user).toBeNull();
    expect((await codeOf(again.grid.tree())).code).toBe('UNAUTHORIZED');
  });

  it('expires a session after its lifetime, and after inactivity', async () => {
    const c = testClock();
    const deps = testDeps(tdb.db, c);
    const { token } = await signedInCaller(deps, 'viewer@dso.example');
    // active use every hour keeps it alive until the absolute lifetime (12 h) ends
    for (let h = 1; h < 12; h++) {
      c.advance(3_600_000);
      const { caller } = await callerWithToken(deps, token);
      expect((await caller.auth.me()).user?.email).toBe('viewer@dso.example');
    }
    c.advance(3_600_000);
    const { caller: expired } = await callerWithToken(deps, token);
    expect((await codeOf(expired.grid.tree())).message).toMatch(/session expired/);

    const { token: idleToken } = await signedInCaller(deps, 'viewer@dso.example');
    c.advance(2 * 3_600_000 + 1);
    const { caller: idle } = await callerWithToken(deps, idleToken);
    expect((await idle.auth.me()).user).toBeNull();
  });

  it('ignores a forged or garbled session token', async () => {
    const deps = testDeps(tdb.db, clock);
    const { caller } = await callerWithToken(deps, 'A'.repeat(43));
    expect((await caller.auth.me()).user).toBeNull();
  });
});
