// The loopback HTTP control API drives the same fleet the library API does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startControlServer } from '../src/control/control-server.js';
import type { ControlServer } from '../src/control/control-server.js';
import { Fleet, ManualClock, scenarioFleet } from '../src/index.js';
import type { ChargePointState } from '../src/index.js';

let fleet: Fleet;
let api: ControlServer;
const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
  const res = await fetch(`http://127.0.0.1:${api.port}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, json: await res.json() };
};

beforeAll(async () => {
  fleet = new Fleet({ serverUrl: 'ws://127.0.0.1:9', fleet: scenarioFleet(), clock: new ManualClock(), autonomous: false, offline: true });
  api = await startControlServer(fleet, 0);
});
afterAll(async () => {
  await api.close();
  await fleet.stop();
});

describe('control API', () => {
  it('plug in, start, CPO limit, then read state and the OCPP log', async () => {
    expect((await call('POST', '/charge-points/VC-0001/plug-in', { evse: 1, socPct: 30, v2g: true })).status).toBe(200);
    const started = await call('POST', '/charge-points/VC-0001/start', { evse: 1 });
    expect((started.json as ChargePointState).evses[0]?.status).toBe('Charging');
    const limited = await call('POST', '/charge-points/VC-0001/cpo-limit', { w: 3000 });
    expect((limited.json as ChargePointState).limits).toMatchObject({ source: 'cpo', effectiveW: 3000 });
    const log = await call('GET', '/charge-points/VC-0001/ocpp');
    expect((log.json as Array<{ action: string }>).map((m) => m.action)).toContain('StartTransaction');
    expect(((await call('GET', '/state')).json as { chargePoints: number }).chargePoints).toBe(4);
  });

  it('frequency events and link drops', async () => {
    expect((await call('POST', '/frequency', { hz: 49.6, durationMs: 5000 })).status).toBe(200);
    expect(fleet.chargePoint('VC-0001').state.frequencyHz).toBe(49.6);
    expect((await call('POST', '/links/HW-0001/drop')).status).toBe(200);
    expect(fleet.chargePoint('HW-0001').state.ocppLinkUp).toBe(false);
    expect((await call('POST', '/links/HW-0001/restore')).status).toBe(200);
  });

  it('bad requests: unknown charge point 404, wrong state 409, bad JSON 400, unknown route 404', async () => {
    expect((await call('POST', '/charge-points/NOPE/start', { evse: 1 })).status).toBe(404);
    expect((await call('POST', '/charge-points/VC-0002/stop', { evse: 1 })).status).toBe(409);
    const bad = await fetch(`http://127.0.0.1:${api.port}/charge-points/VC-0002/start`, { method: 'POST', body: '{nope' });
    expect(bad.status).toBe(400);
    expect((await call('GET', '/teapot')).status).toBe(404);
    expect((await call('POST', '/frequency', { hz: 80 })).status).toBe(409);
  });
});
