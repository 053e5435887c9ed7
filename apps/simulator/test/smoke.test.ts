import { afterEach, describe, expect, it } from 'vitest';
import { Fleet, generateFleet, ManualClock } from '../src/index.js';
import { DsoHarness } from './dso-harness.js';

let dso: DsoHarness | undefined;
let fleet: Fleet | undefined;
afterEach(async () => {
  await fleet?.stop();
  await dso?.stop();
});

describe('smoke', () => {
  it('a public charge point dials in, charges and reports', async () => {
    const desc = generateFleet({ public: 1, seed: 3 });
    dso = await new DsoHarness().start();
    const clock = new ManualClock();
    fleet = new Fleet({ serverUrl: dso.url, fleet: desc, seed: 42, clock, autonomous: false });
    await fleet.start();
    const c = await dso.connected('VC-0001');
    await dso.enableReports('VC-0001', 'VC-0001');
    const cp = fleet.chargePoint('VC-0001');
    cp.plugIn(1, { socPct: 40, v2g: false, capacityWh: 60000 });
    cp.startTransaction(1);
    fleet.advance(2000);
    expect(cp.state.evses[0]?.status).toBe('Charging');
    await dso.until(() => dso!.reported('VC-0001/DESE1.ChaSt.stVal').includes(3), 'ChaSt Charging report');
    const limit = await c.operate('VC-0001/DWMX1.WMaxSpt', { float32: 4000 });
    expect(limit.ok).toBe(true);
    fleet.advance(1000);
    expect(cp.state.powerW).toBeLessThanOrEqual(4000);
    expect(cp.state.limits.source).toBe('dso');
  });
});
