// Bad controls answered with the proper serviceError / AddCause (never a crash), and bad files
// refused with one message naming the problem.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fleet, ManualClock, parseFleet, parseScenario, scenarioFleet } from '../src/index.js';
import { DsoHarness } from './dso-harness.js';

let dso: DsoHarness;
let fleet: Fleet;
beforeAll(async () => {
  dso = await new DsoHarness().start();
  fleet = new Fleet({ serverUrl: dso.url, fleet: scenarioFleet(), seed: 1, clock: new ManualClock(), autonomous: false, sboTimeoutMs: 100 });
  await fleet.start();
  await dso.connected('VC-0001');
});
afterAll(async () => {
  await fleet.stop();
  await dso.stop();
});

describe('bad controls', () => {
  it('unknown object → instanceNotAvailable', async () => {
    const r = await dso.client('VC-0001').operate('VC-0001/DWMX9.WMaxSpt', { float32: 1000 });
    expect(r).toMatchObject({ ok: false, serviceError: 'instanceNotAvailable' });
  });

  it('status-only CPO limit (DWMX2) → notSupported', async () => {
    const r = await dso.client('VC-0001').operate('VC-0001/DWMX2.WMaxSpt', { float32: 1000 });
    expect(r).toMatchObject({ ok: false, addCause: 'notSupported' });
  });

  it('value above the rating, wrong type, NaN → inconsistentParameters', async () => {
    const c = dso.client('VC-0001');
    expect(await c.operate('VC-0001/DWMX1.WMaxSpt', { float32: 22_001 })).toMatchObject({ ok: false, addCause: 'inconsistentParameters' });
    expect(await c.operate('VC-0001/DWMX1.WMaxSpt', { boolean: true })).toMatchObject({ ok: false, addCause: 'inconsistentParameters' });
    expect(await c.operate('VC-0001/DWMX1.WMaxSpt', { float32: Number.NaN })).toMatchObject({ ok: false });
  });

  it('V2G to an EVSE without EV → blockedByProcess (CommandTermination −)', async () => {
    const r = await dso.client('VC-0001').selectOperate('VC-0001/DAGC1.WSpt', { float32: -3000 });
    expect(r).toMatchObject({ ok: false, stage: 'termination', addCause: 'blockedByProcess' });
  });

  it('operate without select, and after the select timed out', async () => {
    const c = dso.client('VC-0001');
    expect(await c.operate('VC-0001/DAGC1.WSpt', { float32: 0 }, { awaitTermination: true })).toMatchObject({ ok: false, addCause: 'objectNotSelected' });
    const sel = await c.selectWithValue('VC-0001/DAGC1.WSpt', { float32: 0 });
    expect(sel.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 200)); // sboTimeoutMs is 100 in this fleet
    expect(await c.operate('VC-0001/DAGC1.WSpt', { float32: 0 }, { ctlNum: sel.ctlNum, awaitTermination: true })).toMatchObject({ ok: false, addCause: 'timeLimitOver' });
  });

  it('operate with a stale ctlNum → inconsistentParameters', async () => {
    const c = dso.client('VC-0001');
    const sel = await c.selectWithValue('VC-0001/DAGC1.WSpt', { float32: 0 }, { ctlNum: 5 });
    expect(sel.ok).toBe(true);
    expect(await c.operate('VC-0001/DAGC1.WSpt', { float32: 0 }, { ctlNum: 6, awaitTermination: true })).toMatchObject({ ok: false, addCause: 'inconsistentParameters' });
  });

  it('Mod off → blockedByMode; LLN0.Mod itself stays operable', async () => {
    const c = dso.client('VC-0002');
    await dso.connected('VC-0002');
    expect((await c.operate('VC-0002/LLN0.Mod', { enumerated: 5 })).ok).toBe(true);
    expect(await c.operate('VC-0002/DWMX1.WMaxSpt', { float32: 1000 })).toMatchObject({ ok: false, addCause: 'blockedByMode' });
    expect((await c.operate('VC-0002/LLN0.Mod', { enumerated: 1 })).ok).toBe(true);
    expect((await c.operate('VC-0002/DWMX1.WMaxSpt', { float32: 1000 })).ok).toBe(true);
  });

  it('a write to a control value (FC CO / MX) is refused; the device keeps serving', async () => {
    const c = dso.client('VC-0001');
    const w = await c.setDataValues('VC-0001/DWMX1.WMaxSpt.mxVal.f', 'mx', { float32: 1 });
    expect(w.ok).toBe(false);
    expect((await c.getValue('VC-0001/MMXU1.Hz.mag.f', 'mx')).ok).toBe(true);
  });

  it('residential LD whose OCPP link is down → abortionByCommunicationLoss', async () => {
    const c = await dso.connected('GW-HOMEWATT');
    fleet.dropLink('HW-0002');
    expect(await c.operate('HW-0002/DWMX1.WMaxSpt', { float32: 3000 })).toMatchObject({ ok: false, addCause: 'abortionByCommunicationLoss' });
    fleet.restoreLink('HW-0002');
    expect((await c.operate('HW-0002/DWMX1.WMaxSpt', { float32: 3000 })).ok).toBe(true);
  });
});

describe('bad files', () => {
  it('scenario: unknown step, missing field, wrong shape', () => {
    expect(() => parseScenario({ name: 'x', useCase: '3.1', architecture: 'public', steps: [{ do: 'plugin', cp: 'A', evse: 1 }] })).toThrow(/steps\[0\]\.do: unknown step "plugin"/);
    expect(() => parseScenario({ name: 'x', useCase: '3.1', architecture: 'public', steps: [{ do: 'advance' }] })).toThrow(/steps\[0\]\.ms: expected number/);
    expect(() => parseScenario({ name: 'x', useCase: '3.1', architecture: 'garage', steps: [] })).toThrow(/architecture/);
    expect(() => parseScenario([])).toThrow(/expected an object/);
  });

  it('fleet: names the offending field', () => {
    const good = scenarioFleet();
    expect(parseFleet(good).accessPoints).toHaveLength(3);
    const broken = JSON.parse(JSON.stringify(good)) as { accessPoints: Array<{ chargePoints: Array<Record<string, unknown>> }> };
    const cp = broken.accessPoints[0]?.chargePoints[0];
    if (cp) cp.maxImportW = 'lots';
    expect(() => parseFleet(broken)).toThrow('fleet.accessPoints[0].chargePoints[0].maxImportW: expected a number ≥ 0');
    expect(() => parseFleet({ accessPoints: {} })).toThrow('fleet.accessPoints: expected an array');
  });
});
