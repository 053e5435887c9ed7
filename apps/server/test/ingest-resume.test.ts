// Use case 3.12: the link drops while the device buffers; on reconnect the server resumes each
// BRCB from its last committed EntryID: every buffered entry is stored exactly once, marked late.
// A buffer overflow is recorded as a gap and answered with a GI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing/test-server.js';
import { TestDevice } from '../src/testing/test-device.js';
import { testProviders } from '../src/testing/test-db.js';
import { until } from '../src/testing/wait.js';

describe.each(testProviders())('resume after link loss (%s)', (provider) => {
  let s: TestServer;
  const token = (ap: string) => s.database.seed.deviceTokens[ap] ?? '';
  beforeAll(async () => {
    s = await startTestServer({ provider });
  });
  afterAll(async () => {
    await s.close();
  });

  const statusRows = (cp: string) =>
    s.database.db.sample.findMany({ where: { chargePointId: cp, measurand: 'evseStatus', evseNo: 1 }, orderBy: { id: 'asc' }, select: { value: true, deviceTimeMs: true, late: true } });

  async function online(device: TestDevice, ap: string) {
    await device.connect();
    await until(() => s.deps.live.connections.session(ap)?.chargePointIds.length ?? 0, (n) => n > 0);
    await until(() => s.database.db.rcbCursor.count({ where: { accessPointId: ap } }), (n) => n === 2);
  }

  it('stores every entry buffered while offline exactly once, marked late', async () => {
    const device = new TestDevice({ wsUrl: s.wsUrl, accessPoint: 'VC-0003', token: token('VC-0003'), logicalDevices: [{ ld: 'VC-0003', evseCount: 1 }] });
    await online(device, 'VC-0003');
    device.update('VC-0003/DESE1.ChaSt', 2);
    await until(() => statusRows('VC-0003'), (r) => r.some((x) => x.value === 2));
    device.dropLink();
    await until(() => s.deps.live.connections.session('VC-0003'), (x) => x === undefined);
    const offline = [3, 4, 3, 6, 1, 2, 3];
    for (const v of offline) {
      device.update('VC-0003/DESE1.ChaSt', v);
      await new Promise((r) => setTimeout(r, 3)); // distinct device times
    }
    await online(device, 'VC-0003');
    const rows = await until(() => statusRows('VC-0003'), (r) => r.filter((x) => x.late === 1).length >= offline.length);
    const late = rows.filter((x) => x.late === 1);
    expect(late.map((x) => x.value)).toEqual(offline);
    const times = rows.map((x) => `${x.deviceTimeMs}/${x.value}`);
    expect(new Set(times).size).toBe(times.length); // nothing stored twice
    // the value shown live is the newest one, and the association came back up
    expect(s.deps.live.state.value('VC-0003', 'evseStatus', 1)?.value).toBe(3);
    device.close();
  });

  it('records a gap and asks for a GI when the device buffer overflowed', async () => {
    const device = new TestDevice({ wsUrl: s.wsUrl, accessPoint: 'VC-0004', token: token('VC-0004'), logicalDevices: [{ ld: 'VC-0004', evseCount: 1 }] });
    await online(device, 'VC-0004');
    device.dropLink();
    await until(() => s.deps.live.connections.session('VC-0004'), (x) => x === undefined);
    for (let i = 0; i < 1_100; i++) device.update('VC-0004/DESE1.ChaSt', (i % 9) + 1); // bufferSize 1000
    await online(device, 'VC-0004');
    const gaps = await until(() => s.database.db.event.findMany({ where: { chargePointId: 'VC-0004', kind: 'gap' } }), (r) => r.length > 0);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]?.message).toContain('brcbStatus');
    expect(s.deps.live.metrics.device('VC-0004').gaps).toBe(1);
    device.close();
  });
});
