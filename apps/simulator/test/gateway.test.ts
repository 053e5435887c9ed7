// The CPO gateway's cache: while a residential charge point's OCPP link is down the DSO reads the
// last values as oldData with the device's time stamp; what changed meanwhile arrives on restore.
import { msOfTimeStamp } from '@dso/iec61850';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fleet, ManualClock, scenarioFleet } from '../src/index.js';
import { DsoHarness } from './dso-harness.js';

let dso: DsoHarness;
let fleet: Fleet;
const clock = new ManualClock();
beforeAll(async () => {
  dso = await new DsoHarness().start();
  fleet = new Fleet({ serverUrl: dso.url, fleet: scenarioFleet(), clock, autonomous: false });
  await fleet.start();
  await dso.connected('GW-HOMEWATT');
});
afterAll(async () => {
  await fleet.stop();
  await dso.stop();
});

describe('CPO gateway cache', () => {
  it('stale → oldData with the device time stamp; changes made offline arrive on restore', async () => {
    const c = dso.client('GW-HOMEWATT');
    const read = async (ref: string, fc: 'st' | 'mx'): Promise<unknown> => {
      const r = await c.getValue(ref, fc);
      return r.ok ? r.value : undefined;
    };
    fleet.advance(1000);
    const lastFresh = clock.now();
    fleet.dropLink('HW-0001');
    const cp = fleet.chargePoint('HW-0001');
    cp.plugIn(1, { socPct: 30, capacityWh: 50_000, v2g: false });
    cp.startTransaction(1);
    fleet.advance(5000);
    expect(cp.state.evses[0]?.status).toBe('Charging'); // the device charges on
    expect(await read('HW-0001/DESE1.ChaSt.stVal', 'st')).toEqual({ enumerated: 1 }); // the cache does not know yet
    const q = (await read('HW-0001/DESE1.ChaSt.q', 'st')) as { quality: { validity: string; detailQual?: { oldData: boolean } } };
    expect(q.quality.validity).toBe('questionable');
    expect(q.quality.detailQual?.oldData).toBe(true);
    const t = (await read('HW-0001/DESE1.ChaSt.t', 'st')) as { timeStamp: Parameters<typeof msOfTimeStamp>[0] };
    expect(msOfTimeStamp(t.timeStamp)).toBeLessThanOrEqual(lastFresh);
    // HW-0002's link is fine: its values stay good
    const q2 = (await read('HW-0002/MMXU1.TotW.q', 'mx')) as { quality: { validity: string } };
    expect(q2.quality.validity).toBe('good');

    fleet.restoreLink('HW-0001');
    fleet.advance(1000);
    expect(await read('HW-0001/DESE1.ChaSt.stVal', 'st')).toEqual({ enumerated: 3 });
    expect(((await read('HW-0001/DESE1.ChaSt.q', 'st')) as { quality: { validity: string } }).quality.validity).toBe('good');
    expect(fleet.ocppLog('HW-0001').filter((m) => m.action === 'BootNotification')).toHaveLength(2);
  });
});
