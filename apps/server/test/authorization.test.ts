import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createTestDatabase, testProviders, type TestDatabase } from '../src/testing/test-db.js';
import { callerWithToken, signedInCaller, testDeps } from '../src/testing/test-app.js';

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
  return 'ALLOWED';
}

describe.each(testProviders())('authorization and CPO scoping on %s', (provider) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase(provider);
  });
  afterAll(() => tdb.destroy());
  const as = async (email: string) => (await signedInCaller(testDeps(tdb.db), email)).caller;

  it('lets DSO roles read the grid and refuses CPO users and anonymous callers', async () => {
    for (const email of ['admin@dso.example', 'operator@dso.example', 'viewer@dso.example']) {
      expect((await (await as(email)).grid.tree()).nodes.length).toBeGreaterThan(40);
    }
    expect(await refusal((await as('cpo@voltcharge.example')).grid.tree())).toBe('FORBIDDEN');
    const { caller: anonymous } = await callerWithToken(testDeps(tdb.db), null);
    expect(await refusal(anonymous.grid.tree())).toBe('UNAUTHORIZED');
    expect(await refusal(anonymous.chargePoints.list())).toBe('UNAUTHORIZED');
    expect(await refusal((await as('cpo@homewatt.example')).organisations.list())).toBe('FORBIDDEN');
  });

  it('gives a CPO user only its own charge points, whatever filter it passes', async () => {
    const volt = await as('cpo@voltcharge.example');
    const own = (await volt.chargePoints.list()).items;
    expect(own.length).toBe(18);
    expect(own.every((cp) => cp.cpo.id === 'cpo-voltcharge')).toBe(true);
    // asking for the other CPO explicitly returns nothing rather than its data
    expect((await volt.chargePoints.list({ cpoId: 'cpo-homewatt' })).items).toEqual([]);
    const home = (await (await as('cpo@homewatt.example')).chargePoints.list()).items;
    expect(home.length).toBe(41);
    expect(home.some((cp) => cp.id.startsWith('VC-'))).toBe(false);
  });

  it("refuses a CPO user another CPO's charge point with 403 and its own with the details", async () => {
    const volt = await as('cpo@voltcharge.example');
    expect(await refusal(volt.chargePoints.byId({ id: 'HW-0001' }))).toBe('FORBIDDEN');
    const own = await volt.chargePoints.byId({ id: 'VC-0001' });
    expect(own).toMatchObject({ id: 'VC-0001', cpo: { id: 'cpo-voltcharge' }, architecture: 'public', evseCount: 2 });
    expect(own.evses.map((e) => e.maxPowerW)).toEqual([11_000, 11_000]);
    expect(await refusal(volt.chargePoints.byId({ id: 'NOPE-1' }))).toBe('NOT_FOUND');
  });

  it('lets DSO staff read every charge point, with filters', async () => {
    const viewer = await as('viewer@dso.example');
    expect((await viewer.chargePoints.list()).items.length).toBe(59);
    const residential = (await viewer.chargePoints.list({ architecture: 'residential' })).items;
    expect(residential.length).toBe(35);
    expect(residential.every((cp) => cp.architecture === 'residential' && cp.feeder !== null)).toBe(true);
    expect((await viewer.chargePoints.list({ search: 'VC-DC' })).items.map((c) => c.id)).toEqual(['VC-DC1', 'VC-DC2', 'VC-DC3', 'VC-DC4']);
    expect((await viewer.chargePoints.byId({ id: 'HW-0005' })).v2gCapable).toBe(true);
  });

  it('refuses malformed input with BAD_REQUEST', async () => {
    const viewer = await as('viewer@dso.example');
    expect(await refusal(viewer.chargePoints.byId({ id: '../etc' }))).toBe('BAD_REQUEST');
    expect(await refusal(viewer.chargePoints.list({ architecture: 'industrial' as 'public' }))).toBe('BAD_REQUEST');
  });
});
