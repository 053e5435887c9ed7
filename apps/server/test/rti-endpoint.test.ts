// The /rti endpoint against devices built from the protocol library: auth on the upgrade,
// discovery, report setup, ingest into the database, one association per access point.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AcsiServer, ConnectError, connect } from '@dso/iec61850';
import { hashDeviceToken } from '../src/rti/device-auth.js';
import { startTestServer, type TestServer } from '../src/testing/test-server.js';
import { TestDevice } from '../src/testing/test-device.js';
import { testProviders } from '../src/testing/test-db.js';
import { until } from '../src/testing/wait.js';


describe.each(testProviders())('rti endpoint and ingest (%s)', (provider) => {
  let s: TestServer;
  const token = (ap: string) => s.database.seed.deviceTokens[ap] ?? '';
  beforeAll(async () => {
    s = await startTestServer({ provider });
  });
  afterAll(async () => {
    await s.close();
  });

  it('refuses a missing or unknown token with 401 and another access point’s token with 403', async () => {
    const status = (p: Promise<unknown>) => p.then(() => 0, (e: unknown) => (e instanceof ConnectError ? e.status : -1));
    expect(await status(connect(`${s.wsUrl}/rti/VC-0001`, {}))).toBe(401);
    expect(await status(connect(`${s.wsUrl}/rti/VC-0001`, { token: 'dev_nonsense' }))).toBe(401);
    expect(await status(connect(`${s.wsUrl}/rti/VC-0001`, { token: token('VC-0002') }))).toBe(403);
  });

  it('discovers an approved charge point, enables its reports and stores its values', async () => {
    const device = new TestDevice({ wsUrl: s.wsUrl, accessPoint: 'VC-0001', token: token('VC-0001'), logicalDevices: [{ ld: 'VC-0001', evseCount: 2 }] });
    await device.connect();
    const live = s.deps.live;
    await until(() => live.connections.session('VC-0001')?.chargePointIds ?? [], (ids) => ids.length === 1);
    device.update('VC-0001/MMXU1.TotW', 11_000);
    device.update('VC-0001/DESE1.ChaSt', 3);
    const power = await until(() => live.state.value('VC-0001', 'activePowerW'), (v) => v?.value === 11_000);
    expect(power?.value).toBe(11_000);
    const status = await until(() => s.database.db.event.findMany({ where: { chargePointId: 'VC-0001', kind: 'evseStatus' } }), (r) => r.some((e) => e.message.includes('Charging')));
    expect(status.some((e) => e.message === 'EVSE 1: Charging')).toBe(true);
    const rows = await s.database.db.sample.count({ where: { chargePointId: 'VC-0001', measurand: 'activePowerW', value: 11_000 } });
    expect(rows).toBeGreaterThan(0);
    const cursor = await until(() => s.database.db.rcbCursor.findMany({ where: { accessPointId: 'VC-0001' } }), (r) => r.length === 2);
    expect(cursor.map((c) => c.rcbName).sort()).toEqual(['brcbEnergy', 'brcbStatus']);
    device.close();
  });

  it('applies the units multiplier a device declares (kW reported → W stored)', async () => {
    const device = new TestDevice({
      wsUrl: s.wsUrl,
      accessPoint: 'VC-0007',
      token: token('VC-0007'),
      logicalDevices: [{ ld: 'VC-0007' }],
      tweak: (model) => {
        const totW = model.logicalDevices[0]?.logicalNodes.find((ln) => ln.name === 'MMXU1')?.dataObjects.find((d) => d.name === 'TotW');
        if (totW) totW.values = { 'units.multiplier': 3 };
      },
    });
    await device.connect();
    await until(() => s.deps.live.connections.session('VC-0007')?.chargePointIds ?? [], (ids) => ids.length === 1);
    device.update('VC-0007/MMXU1.TotW', 7.4);
    const v = await until(() => s.deps.live.state.value('VC-0007', 'activePowerW'), (x) => x !== undefined && Math.abs(x.value - 7_400) < 1);
    expect(v?.value).toBeCloseTo(7_400, 0);
    device.close();
  });

  it('detects a silent link by keep-alive and records the association as down', async () => {
    // a device that stops answering pings (test server: ping every 1 s, lost after 3 s)
    const channel = await connect(`${s.wsUrl}/rti/VC-0009`, { token: token('VC-0009'), autoPong: false, keepAlive: false });
    const device = new AcsiServer({ model: { logicalDevices: [] } });
    device.attach(channel);
    await until(() => s.deps.live.connections.session('VC-0009'), (x) => x !== undefined);
    const gone = await until(() => s.deps.live.connections.session('VC-0009'), (x) => x === undefined, 8_000);
    expect(gone).toBeUndefined();
    const down = await until(() => s.database.db.event.findMany({ where: { accessPointId: 'VC-0009', kind: 'associationDown' } }), (r) => r.length > 0);
    expect(down[0]?.message).toContain('keepAliveLost');
    device.close();
  });

  it('closes the association with 4401 when the device token expires', async () => {
    const token = `dev_expiring_${provider}`;
    await s.database.db.accessPoint.create({ data: { id: 'EXP-1', kind: 'chargePoint', organisationId: 'cpo-voltcharge' } });
    await s.database.db.deviceCredential.create({
      data: { label: 'expiring', tokenHash: hashDeviceToken(token), organisationId: 'cpo-voltcharge', expiresAt: new Date(Date.now() + 1_500), accessPoints: { create: [{ accessPointId: 'EXP-1' }] } },
    });
    const channel = await connect(`${s.wsUrl}/rti/EXP-1`, { token });
    const closed = new Promise<number>((resolve) => channel.on('close', (info) => resolve(info.code)));
    const device = new AcsiServer({ model: { logicalDevices: [] } });
    device.attach(channel);
    expect(await closed).toBe(4401);
    device.close();
  });

  it('a second connection for the same access point replaces the first', async () => {
    const a = new TestDevice({ wsUrl: s.wsUrl, accessPoint: 'VC-0002', token: token('VC-0002'), logicalDevices: [{ ld: 'VC-0002' }] });
    const b = new TestDevice({ wsUrl: s.wsUrl, accessPoint: 'VC-0002', token: token('VC-0002'), logicalDevices: [{ ld: 'VC-0002' }] });
    await a.connect();
    const first = await until(() => s.deps.live.connections.session('VC-0002'), (x) => x !== undefined);
    await b.connect();
    const second = await until(() => s.deps.live.connections.session('VC-0002'), (x) => x !== first && x !== undefined);
    expect(second).not.toBe(first);
    expect(first?.client.association.state).toBe('down');
    b.update('VC-0002/MMXU1.TotW', 4_200);
    const v = await until(() => s.deps.live.state.value('VC-0002', 'activePowerW'), (x) => x?.value === 4_200);
    expect(v?.value).toBe(4_200);
    a.close();
    b.close();
  });
});
