import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createTestDatabase, testProviders, type TestDatabase } from '../src/testing/test-db.js';
import { BatchWriter } from '../src/ingest/batch-writer.js';
import type { DbProvider } from '../src/db/client.js';
import type { SampleRow } from '../src/ingest/report-mapper.js';

const sample = (i: number, over: Partial<SampleRow> = {}): SampleRow => ({
  chargePointId: 'VC-0001',
  evseNo: 0,
  measurand: 'activePowerW',
  kind: 'measurement',
  value: 1000 + i,
  deviceTimeMs: Date.UTC(2026, 10, 25, 12, 0, 0) + i * 1000,
  receivedAtMs: Date.UTC(2026, 10, 25, 12, 0, 0) + i * 1000 + 5,
  validity: 0,
  qualityFlags: 0,
  timeQuality: 0,
  late: 0,
  ...over,
});

// each provider twice: through Prisma's raw API, and through the writer's own driver connection
const modes = testProviders().flatMap<{ provider: DbProvider; driver: boolean }>((p) => [
  { provider: p, driver: false },
  { provider: p, driver: true },
]);

describe.each(modes)('batch writer (%o)', ({ provider, driver }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider, { seed: false });
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('writes samples, events, rollups and cursors in one transaction, then reports the commit', async () => {
    const committed: number[] = [];
    const writer = new BatchWriter({ db: t.db, provider, sqliteFile: driver && provider === 'sqlite' ? t.location : undefined, postgresUrl: driver && provider === 'postgresql' ? t.url : undefined, log: pino({ level: 'silent' }), maxBatchRows: 50 });
    for (let i = 0; i < 120; i++) {
      writer.offer(
        {
          samples: [sample(i), sample(i, { validity: 1, value: -1 })],
          events: i % 60 === 0 ? [{ kind: 'test', chargePointId: 'VC-0001', accessPointId: 'VC-0001', evseNo: null, message: 'x', details: { i }, atMs: 1, receivedAtMs: 2 }] : [],
          cursor: { accessPointId: 'VC-0001', logicalDevice: 'VC-0001', rcbName: 'brcbStatus', entryId: i.toString(16).padStart(16, '0'), updatedAtMs: i },
          onCommitted: () => committed.push(i),
        },
        false,
      );
    }
    await writer.close();
    expect(committed).toHaveLength(120);
    expect(writer.stats.batches).toBeGreaterThan(1);
    expect(await t.db.sample.count()).toBe(240);
    expect(await t.db.event.count()).toBe(2);
    const cursor = await t.db.rcbCursor.findFirst();
    expect(cursor?.entryId).toBe((119).toString(16).padStart(16, '0'));
    // invalid values stay out of the rollups; 120 s of 1 s samples → 2 one-minute buckets
    const minute = await t.db.sampleRollup.findMany({ where: { resolutionS: 60 }, orderBy: { bucketStartMs: 'asc' } });
    expect(minute.map((r) => r.count)).toEqual([60, 60]);
    expect(minute[0]?.min).toBe(1000);
    expect(minute[1]?.max).toBe(1119);
    const s = await t.db.sample.findFirst({ orderBy: { id: 'asc' } });
    expect(Number(s?.deviceTimeMs)).toBe(sample(0).deviceTimeMs);
  });

  it('refuses droppable work above the high-water mark', () => {
    const writer = new BatchWriter({ db: t.db, provider, log: pino({ level: 'silent' }), highWaterRows: 10, hardLimitRows: 20, flushDelayMs: 10_000 });
    expect(writer.offer({ samples: Array.from({ length: 12 }, (_v, i) => sample(i)), events: [] }, true)).toBe('queued');
    expect(writer.offer({ samples: [sample(1)], events: [] }, true)).toBe('refused');
    expect(writer.offer({ samples: [sample(1)], events: [] }, false)).toBe('queued');
    expect(writer.offer({ samples: Array.from({ length: 10 }, (_v, i) => sample(i)), events: [] }, false)).toBe('queued');
    expect(writer.offer({ samples: [sample(1)], events: [] }, false)).toBe('refused');
    return writer.close();
  });
});
