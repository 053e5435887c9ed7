// A CPO gateway: one IED, one LD per residential charge point (DOMAIN.md §1), one association.
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientReport } from '../../src/client/index.js';
import type { ModelJson } from '../../src/server/index.js';
import { chargePointModel } from '../../examples/charge-point-model.js';
import { startPair, waitFor } from './helpers.js';
import type { Pair } from './helpers.js';

let pair: Pair | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

function gatewayModel(ids: string[]): ModelJson {
  return {
    logicalDevices: ids.flatMap((id) => {
      const ld = chargePointModel(id, { evseCount: 1, v2g: false }).logicalDevices;
      const lphd = ld[0]?.logicalNodes.find((ln) => ln.name === 'LPHD1');
      const proxy = lphd?.dataObjects.find((d) => d.name === 'Proxy');
      if (proxy) proxy.value = true;
      return ld;
    }),
  };
}

describe('CPO gateway with one LD per charge point', () => {
  it('discovers every LD, routes reports per LD and keeps modes per LD', async () => {
    const ids = ['HW-0001', 'HW-0002', 'HW-0003'];
    pair = await startPair({ model: gatewayModel(ids), ld: 'GW-HOMEWATT' });
    const { client, server } = pair;
    expect(await client.getServerDirectory()).toEqual({ ok: true, value: ids });
    expect(await client.getValue('HW-0002/LPHD1.Proxy.stVal', 'st')).toEqual({ ok: true, value: { boolean: true } });
    const reports: ClientReport[] = [];
    client.onReport((r) => reports.push(r));
    for (const id of ids) {
      expect((await client.setURCBValues({ urcbRef: `${id}/LLN0.urcbSetpoints`, rptEna: true })).ok).toBe(true);
    }
    expect((await client.operate('HW-0001/LLN0.Mod', { enumerated: 5 })).ok).toBe(true);
    expect(await client.operate('HW-0001/DWMX1.WMaxSpt', { float32: 3000 })).toMatchObject({ ok: false, addCause: 'blockedByMode' });
    expect((await client.operate('HW-0002/DWMX1.WMaxSpt', { float32: 3000 })).ok).toBe(true);
    server.update('HW-0003/DWMX2.WMaxSpt', 5000);
    await waitFor(() => reports.length === 2, 2000, 'two setpoint reports');
    expect(reports.map((r) => r.rptID).sort()).toEqual(['HW-0002/LLN0.urcbSetpoints', 'HW-0003/LLN0.urcbSetpoints']);
    expect(reports.find((r) => r.rptID.startsWith('HW-0003'))?.entries[0]).toMatchObject({
      dataRef: 'HW-0003/DWMX2.WMaxSpt.mxVal.f',
      value: { float32: 5000 },
    });
  });
});
