// Retention: samples, rollups and events older than their configured age are deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testProviders, type TestDatabase } from '../src/testing/test-db.js';
import { applyRetention } from '../src/ingest/retention.js';

describe.each(testProviders())('retention (%s)', (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider, { seed: false });
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('deletes what is older than each table’s retention and keeps the rest', async () => {
    const day = 86_400_000;
    const now = Date.UTC(2026, 10, 25);
    const sample = (ageDays: number) => ({ chargePointId: 'X', evseNo: 0, measurand: 'activePowerW', value: 1, deviceTimeMs: BigInt(now - ageDays * day), receivedAtMs: BigInt(now), validity: 0, qualityFlags: 0, timeQuality: 0, late: 0 });
    await t.db.sample.createMany({ data: [sample(40), sample(10), sample(0)] });
    await t.db.sampleRollup.createMany({ data: [1000, 10].map((d) => ({ chargePointId: 'X', evseNo: 0, measurand: 'activePowerW', resolutionS: 900, bucketStartMs: BigInt(now - d * day), count: 1, sum: 1, min: 1, max: 1 })) });
    await t.db.event.createMany({ data: [400, 1].map((d) => ({ kind: 'test', message: 'm', atMs: BigInt(now - d * day), receivedAtMs: BigInt(now) })) });
    const deleted = await applyRetention(t.db, { sampleDays: 30, rollupDays: 730, eventDays: 365 }, now);
    expect(deleted).toEqual({ samples: 1, rollups: 1, events: 1 });
    expect(await t.db.sample.count()).toBe(2);
  });
});
