// The server against the real simulator (apps/simulator, in-process): public charge points and the
// CPO gateway dial in with the seeded tokens; an EV plugs in and charges; the link drops while the
// device buffers and comes back: the buffered status entries arrive, marked late.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fleet, parseFleet } from '@dso/simulator';
import { startTestServer, type TestServer } from '../src/testing/test-server.js';
import { testProviders } from '../src/testing/test-db.js';
import { until } from '../src/testing/wait.js';

describe.each(testProviders())('with the simulator (%s)', (provider) => {
  let s: TestServer;
  let fleet: Fleet;
  beforeAll(async () => {
    s = await startTestServer({ provider });
    const all = parseFleet(s.database.seed.fleet);
    const pick = all.accessPoints.filter((ap) => ap.id === 'GW-HOMEWATT' || ap.id === 'VC-0001' || ap.id === 'VC-0002');
    fleet = new Fleet({ serverUrl: s.wsUrl, fleet: { accessPoints: pick }, seed: 7, autonomous: false, measurementIntervalMs: 250, minBackoffMs: 100 });
    await fleet.start();
  });
  afterAll(async () => {
    await fleet.stop();
    await s.close();
  });

  it('ingests the public charge points and every LD of the CPO gateway', async () => {
    const gatewayCps = s.database.seed.fleet.accessPoints.find((ap) => ap.id === 'GW-HOMEWATT')?.chargePoints.length ?? 0;
    expect(gatewayCps).toBeGreaterThan(1);
    const n = await until(() => s.deps.live.connections.session('GW-HOMEWATT')?.chargePointIds.length ?? 0, (x) => x === gatewayCps, 20_000);
    expect(n).toBe(gatewayCps);
    await until(() => s.deps.live.connections.session('VC-0001')?.chargePointIds.length ?? 0, (x) => x === 1, 10_000);
    const hw = s.database.seed.fleet.accessPoints.find((ap) => ap.id === 'GW-HOMEWATT')?.chargePoints[0]?.id ?? '';
    const v = await until(() => s.deps.live.state.value(hw, 'frequencyHz'), (x) => x !== undefined, 10_000);
    expect(v?.value).toBeGreaterThan(49);
  });

  it('shows an EV charging, and back-fills what the device buffered while the link was down', async () => {
    const cp = fleet.chargePoint('VC-0001');
    cp.plugIn(1, { socPct: 30, capacityWh: 60_000, v2g: false });
    cp.startTransaction(1);
    const charging = await until(() => s.deps.live.state.value('VC-0001', 'evseStatus', 1)?.value, (x) => x === 3, 10_000);
    expect(charging).toBe(3);
    const p = await until(() => s.deps.live.state.value('VC-0001', 'activePowerW')?.value ?? 0, (x) => x > 1_000, 10_000);
    expect(p).toBeGreaterThan(1_000);

    fleet.dropLink('VC-0001');
    const droppedAt = Date.now();
    await until(() => s.deps.live.connections.session('VC-0001'), (x) => x === undefined, 10_000);
    expect(s.deps.live.state.value('VC-0001', 'activePowerW')?.validity).toBe(2); // questionable on loss
    cp.stopTransaction(1);
    cp.unplug(1);
    await new Promise((r) => setTimeout(r, 300));
    fleet.restoreLink('VC-0001');
    const late = await until(
      () => s.database.db.sample.findMany({ where: { chargePointId: 'VC-0001', measurand: 'evseStatus', evseNo: 1, late: 1 } }),
      (r) => r.length > 0,
      15_000,
    );
    expect(late.length).toBeGreaterThan(0);
    // the status changes made while offline come back as events marked late
    const events = await until(
      () => s.database.db.event.findMany({ where: { chargePointId: 'VC-0001', kind: 'evseStatus' }, orderBy: { id: 'asc' } }),
      (r) => r.some((e) => e.message.includes('Available')),
      10_000,
    );
    const offline = events.filter((e) => e.atMs > BigInt(droppedAt));
    expect(offline.length).toBeGreaterThan(0);
    expect(offline.every((e) => (JSON.parse(e.details) as { late?: boolean }).late === true)).toBe(true);
    const after = await until(() => s.deps.live.state.value('VC-0001', 'evseStatus', 1)?.value, (x) => x === 1, 10_000);
    expect(after).toBe(1); // Available again
  });
});
