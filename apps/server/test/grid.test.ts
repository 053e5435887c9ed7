import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testProviders, type TestDatabase } from '../src/testing/test-db.js';
import { signedInCaller, testDeps } from '../src/testing/test-app.js';
import { buildDemoGrid } from '../src/seed/demo-grid.js';

describe.each(testProviders())('grid tree on %s', (provider) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase(provider);
  });
  afterAll(() => tdb.destroy());

  it('returns the seeded tree with capacities and subtree counts that add up', async () => {
    const { caller } = await signedInCaller(testDeps(tdb.db), 'operator@dso.example');
    const { nodes } = await caller.grid.tree();
    const count = (kind: string) => nodes.filter((n) => n.kind === kind).length;
    expect([count('substation'), count('transformer'), count('feeder'), count('connectionPoint')]).toEqual([1, 2, 4, 46]);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const substation = nodes.find((n) => n.kind === 'substation');
    expect(substation).toMatchObject({ id: 'SUB-RH', capacityW: 1_200_000, chargePointCount: 59, parentId: null });
    // every parent's count and rated power is the sum of its children's
    for (const parent of nodes.filter((n) => n.kind !== 'connectionPoint')) {
      const children = nodes.filter((n) => n.parentId === parent.id);
      expect(children.length).toBeGreaterThan(0);
      expect(parent.chargePointCount).toBe(children.reduce((s, c) => s + c.chargePointCount, 0));
      expect(parent.ratedImportW).toBe(children.reduce((s, c) => s + c.ratedImportW, 0));
    }
    const expectedRated = buildDemoGrid().chargePoints.reduce((s, cp) => s + cp.maxImportW, 0);
    expect(substation?.ratedImportW).toBe(expectedRated);
    expect(byId.get('TR-1')?.capacityW).toBe(630_000);
  });
});
