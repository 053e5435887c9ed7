// The DSO link in real time: token on the upgrade, back-off and reconnect after the DSO drops the
// association, BRCB entries buffered while down and resumed from the last EntryID; the system
// clock drives the steps and integrity reports keep coming.
import { afterEach, describe, expect, it } from 'vitest';
import { Fleet, scenarioFleet } from '../src/index.js';
import { DsoHarness } from './dso-harness.js';

let dso: DsoHarness | undefined;
let fleet: Fleet | undefined;
afterEach(async () => {
  await fleet?.stop();
  await dso?.stop();
  fleet = undefined;
  dso = undefined;
});

describe('DSO link', () => {
  it('a wrong token is refused (403) and retried with back-off, never associated', async () => {
    dso = await new DsoHarness({ 'VC-0001': 'right' }).start();
    const desc = scenarioFleet('wrong');
    desc.accessPoints = desc.accessPoints.slice(0, 1);
    fleet = new Fleet({ serverUrl: dso.url, fleet: desc, autonomous: false, minBackoffMs: 20 });
    await fleet.start();
    const link = fleet.accessPoint('VC-0001').link;
    await dso.until(() => link.stats.failures >= 3, 'three refused attempts');
    expect(link.lastError).toContain('403');
    expect(dso.connects).toEqual([]);
  });

  it('reconnects after the DSO aborts, and the BRCB resumes after the last EntryID (no loss)', async () => {
    dso = await new DsoHarness().start();
    const desc = scenarioFleet();
    desc.accessPoints = desc.accessPoints.slice(0, 1);
    fleet = new Fleet({ serverUrl: dso.url, fleet: desc, autonomous: false, minBackoffMs: 20, measurementIntervalMs: 200 });
    await fleet.start();
    await dso.connected('VC-0001');
    await dso.enableReports('VC-0001', 'VC-0001');
    await dso.until(() => dso!.reported('VC-0001/DESE1.ChaSt.stVal').includes(1), 'GI of brcbStatus');
    dso.client('VC-0001').association.abort();
    const link = fleet.accessPoint('VC-0001').link;
    await dso.until(() => !link.isUp, 'the device to notice the abort');
    const cp = fleet.chargePoint('VC-0001');
    cp.plugIn(1, { socPct: 50, capacityWh: 50_000, v2g: false }); // happens while the link is down
    cp.startTransaction(1);
    cp.refresh();
    await dso.connected('VC-0001', 2);
    expect(link.stats.drops).toBe(1);
    const before = dso.reports.length;
    await dso.enableReports('VC-0001', 'VC-0001');
    await dso.until(() => dso!.reports.slice(before).some((r) => r.entries.some((e) => e.dataRef === 'VC-0001/DESE1.ChaSt.stVal' && !e.reason.generalInterrogation && Object.values(e.value ?? {})[0] === 3)), 'the buffered Charging entry (not only the GI)');
    const brcb = dso.reports.filter((r) => r.rcbRef === 'VC-0001/LLN0.brcbStatus');
    expect(brcb.some((r) => r.bufOvfl)).toBe(false);
  });

  it('steps by the system clock: integrity reports every interval, power follows the EV', async () => {
    dso = await new DsoHarness().start();
    const desc = scenarioFleet();
    desc.accessPoints = desc.accessPoints.slice(0, 1);
    fleet = new Fleet({ serverUrl: dso.url, fleet: desc, autonomous: false, measurementIntervalMs: 200 });
    await fleet.start();
    await dso.connected('VC-0001');
    await dso.enableReports('VC-0001', 'VC-0001');
    const cp = fleet.chargePoint('VC-0001');
    cp.plugIn(2, { socPct: 20, capacityWh: 40_000, v2g: false, maxChargeW: 7_000 });
    cp.startTransaction(2);
    await dso.until(() => dso!.reported('VC-0001/EVSE2MMXU1.TotW.mag.f').includes(7_000), 'EVSE 2 at 7 kW');
    const integrity = (): number => dso!.reports.filter((r) => r.rcbRef === 'VC-0001/LLN0.urcbMeasurements' && r.entries[0]?.reason.integrity).length;
    const before = integrity();
    await dso.until(() => integrity() >= before + 2, 'two more integrity reports (IntgPd 1 s)', 8000);
    expect(cp.state.importWh).toBeGreaterThan(0);
  });
});
