// A device that keeps sending references outside the profile is counted for every report, but the
// log gets at most one line a minute per access point.
import { describe, expect, it } from 'vitest';
import type { ClientReport } from '@dso/iec61850';
import { IngestService, type ReportSource } from '../src/ingest/ingest-service.js';
import { IngestMetrics } from '../src/ingest/metrics.js';
import type { BatchWriter } from '../src/ingest/batch-writer.js';
import type { Logger } from '../src/logger.js';

const reason = { dataChange: true, qualityChange: false, dataUpdate: false, integrity: false, generalInterrogation: false, applicationTrigger: false };
const badReport: ClientReport = {
  rcbRef: 'CP1/LLN0.urcbMeasurements',
  rptID: 'x',
  subSqNum: 0,
  moreSegmentsFollow: false,
  bufOvfl: false,
  entries: [{ dataRef: 'not-a-reference', value: { float32: 1 }, values: [{ data: { float32: 1 } }], reason }],
};

describe('problem logging', () => {
  it('counts every bad value and logs at most once a minute per access point', async () => {
    const warnings: Array<Record<string, unknown>> = [];
    const log = { warn: (obj: Record<string, unknown>) => warnings.push(obj), info: () => undefined, debug: () => undefined } as unknown as Logger;
    // a writer that commits at once: this test is about the service's bookkeeping, not storage
    const writer = { offer: (item: { onCommitted: () => void }) => (item.onCommitted(), 'accepted') } as unknown as BatchWriter;
    let nowMs = Date.UTC(2026, 10, 25, 12);
    const metrics = new IngestMetrics();
    const ingest = new IngestService({ writer, metrics, log, now: () => nowMs });
    const src = { accessPointId: 'CP1', chargePointOf: () => 'CP-ONE' } as unknown as ReportSource;

    for (let i = 0; i < 10; i++) {
      await ingest.ingestRead(src, badReport);
      nowMs += 1_000;
    }
    expect(metrics.device('CP1').badInput.badReference).toBe(10);
    expect(warnings).toHaveLength(1);
    nowMs += 60_000;
    await ingest.ingestRead(src, badReport);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatchObject({ accessPoint: 'CP1', count: 1, notLoggedSinceLastLine: 9 });
  });
});
