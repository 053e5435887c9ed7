// Bad input from a device: garbage frames, a report for an unknown data set or from an RCB we did
// not enable, invalid quality, a far-future time stamp, a flood — rejected or flagged, counted per
// device, and the rest of the fleet is unaffected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quality, timeStampFromDate } from '@dso/iec61850';
import { startTestServer, type TestServer } from '../src/testing/test-server.js';
import { TestDevice } from '../src/testing/test-device.js';
import { until } from '../src/testing/wait.js';
import { QF, TQ, VALIDITY } from '../src/ingest/quality.js';
import { computeAggregates } from '../src/live/aggregates.js';

describe('bad input from devices', () => {
  let s: TestServer;
  const token = (ap: string) => s.database.seed.deviceTokens[ap] ?? '';
  const online = async (ap: string) => {
    const d = new TestDevice({ wsUrl: s.wsUrl, accessPoint: ap, token: token(ap), logicalDevices: [{ ld: ap, evseCount: 1 }] });
    await d.connect();
    await until(() => s.database.db.rcbCursor.count({ where: { accessPointId: ap } }), (n) => n === 2);
    return d;
  };
  beforeAll(async () => {
    s = await startTestServer({ maxReportsPerSPerLd: 20 });
  });
  afterAll(async () => {
    await s.close();
  });

  it('flags invalid quality and far-future time stamps; keeps invalid values out of totals and rollups', async () => {
    const d = await online('VC-0010');
    d.update('VC-0010/MMXU1.TotW', 9_999, quality({ validity: 'invalid' }));
    const bad = await until(() => s.deps.live.state.value('VC-0010', 'activePowerW'), (v) => v?.value === 9_999);
    expect(bad?.validity).toBe(VALIDITY.invalid);
    const qEvents = await until(() => s.database.db.event.findMany({ where: { chargePointId: 'VC-0010', kind: 'qualityChange' } }), (r) => r.length > 0);
    expect(qEvents[0]?.message).toBe('activePowerW: quality good → invalid');
    const node = await s.database.db.chargePoint.findUnique({ where: { id: 'VC-0010' }, select: { connectionPointId: true } });
    const nodes = await s.database.db.gridNode.findMany({ select: { id: true, parentId: true, capacityW: true } });
    const agg = computeAggregates(nodes, [{ id: 'VC-0010', connectionPointId: node?.connectionPointId ?? null }], s.deps.live.state);
    expect(agg.get(node?.connectionPointId ?? '')?.importW).toBe(0);
    d.update('VC-0010/MMXU1.TotW', 1_234, undefined, timeStampFromDate(Date.now() + 3_600_000));
    const future = await until(() => s.deps.live.state.value('VC-0010', 'activePowerW'), (v) => v?.value === 1_234);
    expect((future?.timeQuality ?? 0) & TQ.serverTime).toBe(TQ.serverTime);
    expect(Math.abs((future?.deviceTimeMs ?? 0) - Date.now())).toBeLessThan(60_000);
    expect(s.deps.live.metrics.device('VC-0010').badInput.futureTimestamp).toBe(1);
    d.update('VC-0010/MMXU1.TotW', 2_000, quality({ validity: 'good', test: true }));
    const test = await until(() => s.deps.live.state.value('VC-0010', 'activePowerW'), (v) => v?.value === 2_000);
    expect((test?.qualityFlags ?? 0) & QF.test).toBe(QF.test);
    const rollups = await s.database.db.sampleRollup.findMany({ where: { chargePointId: 'VC-0010', measurand: 'activePowerW' } });
    expect(rollups.every((r) => r.max !== 9_999 && r.max !== 2_000)).toBe(true);
    d.close();
  });

  it('drops reports for an unknown data set or an RCB it did not enable, and counts them', async () => {
    const d = await online('VC-0011');
    const entry = { timeOfEntry: timeStampFromDate(Date.now()), entryData: [{ dataRef: 'VC-0011/MMXU1.TotW.mag.f', value: [{ data: { float32: 5 } }], reasonCode: { dataChange: true, qualityChange: false, dataUpdate: false, integrity: false, generalInterrogation: false, applicationTrigger: false } }] };
    d.association?.sendUnconfirmed({ report: { rptID: 'VC-0011/LLN0.urcbMeasurements', sqNum: 60_000, subSqNum: 0, moreSegmentsFollow: false, dataSet: 'VC-0011/LLN0.Bogus', bufOvfl: false, confRev: 1, entry } });
    d.association?.sendUnconfirmed({ report: { rptID: 'VC-0011/LLN0.urcbNobody', sqNum: 1, subSqNum: 0, moreSegmentsFollow: false, dataSet: 'VC-0011/LLN0.Measurements', bufOvfl: false, confRev: 1, entry } });
    const m = await until(() => s.deps.live.metrics.device('VC-0011').badInput.unknownDataSet, (n) => n === 1);
    expect(m).toBe(1);
    expect(s.deps.live.state.value('VC-0011', 'activePowerW')?.value).not.toBe(5);
    d.close();
  });

  it('survives garbage frames and a report flood; other devices keep reporting', async () => {
    const rogue = await online('VC-0012');
    const good = await online('VC-0013');
    rogue.sendRaw('this is not JER');
    rogue.sendRaw('{"unconfirmed":{"associateId":"x","service":{"report":{}}}}');
    for (let i = 0; i < 500; i++) rogue.update('VC-0012/MMXU1.TotW', i + 1); // far beyond 20 reports/s
    good.update('VC-0013/MMXU1.TotW', 4_321);
    const v = await until(() => s.deps.live.state.value('VC-0013', 'activePowerW'), (x) => x?.value === 4_321);
    expect(v?.value).toBe(4_321);
    const health = await fetch(`${s.httpUrl}/healthz`);
    expect(health.status).toBe(200);
    const counters = s.deps.live.metrics.device('VC-0012');
    // the garbage frame aborts the rogue's association (library rule), or the flood is cut
    expect(counters.badInput.flood > 0 || s.deps.live.connections.session('VC-0012') === undefined).toBe(true);
    rogue.close();
    good.close();
  });
});
