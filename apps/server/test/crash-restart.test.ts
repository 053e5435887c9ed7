// Server killed with SIGKILL during ingest: nothing committed is lost, and after the restart the
// device resumes each BRCB from the last committed EntryID — every status entry the device made
// is stored exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { millisFromTimeStamp } from '@dso/iec61850';
import { createTestDatabase, testProviders, type TestDatabase } from '../src/testing/test-db.js';
import { startServerProcess, type ServerProcess } from '../src/testing/server-process.js';
import { TestDevice } from '../src/testing/test-device.js';
import { until } from '../src/testing/wait.js';

describe.each(testProviders())('kill -9 during ingest (%s)', (provider) => {
  let t: TestDatabase;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await server?.stop();
    await t.destroy();
  });

  it('loses nothing committed and resumes from the last committed EntryID', { timeout: 90_000 }, async () => {
    const cp = 'VC-0006';
    const rows = () => t.db.sample.findMany({ where: { chargePointId: cp, measurand: 'evseStatus', evseNo: 1 }, select: { value: true, deviceTimeMs: true } });
    server = await startServerProcess(t.url);
    const device = new TestDevice({ wsUrl: server.wsUrl, accessPoint: cp, token: t.seed.deviceTokens[cp] ?? '', logicalDevices: [{ ld: cp, evseCount: 1 }] });
    await device.connect();
    await until(() => t.db.rcbCursor.count({ where: { accessPointId: cp } }), (n) => n === 2, 15_000);

    const made: string[] = [];
    const step = async (i: number) => {
      const v = (i % 9) + 2; // 2..10, never the value before (an unchanged value is not reported)
      device.update(`${cp}/DESE1.ChaSt`, v);
      const ts = device.server.valueOf(`${cp}/DESE1.ChaSt.t`);
      if (ts && 'timeStamp' in ts) made.push(`${Math.round(millisFromTimeStamp(ts.timeStamp))}/${v}`);
      await new Promise((r) => setTimeout(r, 2));
    };
    let killed: Promise<void> | undefined;
    for (let i = 0; i < 400; i++) {
      if (i === 150) killed = server.kill9(); // mid-stream: some entries committed, some in flight, the rest buffered
      await step(i);
    }
    await killed;
    const committedBeforeCrash = (await rows()).length;

    server = await startServerProcess(t.url);
    await device.connect(server.wsUrl);
    const stored = await until(rows, (r) => r.length >= made.length, 30_000);
    const keys = stored.map((r) => `${Number(r.deviceTimeMs)}/${r.value}`);
    expect(committedBeforeCrash).toBeGreaterThan(0);
    expect(committedBeforeCrash).toBeLessThan(made.length); // the crash really was mid-stream
    expect(new Set(keys).size).toBe(keys.length); // nothing twice
    expect(made.filter((k) => !keys.includes(k))).toEqual([]); // nothing lost
    device.close();
  });
});
