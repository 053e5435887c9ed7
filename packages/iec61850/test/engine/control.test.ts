import { afterEach, describe, expect, it } from 'vitest';
import type { ControlHook } from '../../src/server/index.js';
import { stringFromOrIdent } from '../../src/pdu/index.js';
import { chargePointModel } from '../../examples/charge-point-model.js';
import { sleep, startPair } from './helpers.js';
import type { Pair } from './helpers.js';

let pair: Pair | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

const LIMIT = 'CP0001/DWMX1.WMaxSpt';
const V2G = 'CP0001/DAGC1.WSpt';

describe('direct-with-normal-security', () => {
  it('operates and drives the measured setpoint; the hook sees value and origin', async () => {
    const seen: string[] = [];
    const onControl: ControlHook = (ref, value, origin) => {
      seen.push(`${ref} ${JSON.stringify(value)} ${origin.orCat} ${stringFromOrIdent(origin.orIdent)}`);
      return 'accept';
    };
    pair = await startPair({ onControl });
    const result = await pair.client.operate(LIMIT, { float32: 11000 });
    expect(result).toEqual({ ok: true, ctlNum: 0 });
    expect(pair.server.valueOf(`${LIMIT}.mxVal.f`)).toEqual({ float32: 11000 });
    expect(seen).toEqual([`${LIMIT} {"float32":11000} remoteControl dso`]);
    const structured = await pair.client.operate(`${LIMIT}.Oper`, { structure: { data: [{ float32: 7400 }] } });
    expect(structured).toEqual({ ok: true, ctlNum: 1 });
    expect(pair.server.valueOf(`${LIMIT}.mxVal.f`)).toEqual({ float32: 7400 });
  });

  it('refuses out-of-range and mistyped values with inconsistent-parameters', async () => {
    pair = await startPair();
    const refusal = { ok: false, stage: 'operate', serviceError: 'parameterValueInconsistent', addCause: 'inconsistentParameters' };
    expect(await pair.client.operate(LIMIT, { float32: 30000 })).toMatchObject(refusal);
    expect(await pair.client.operate(LIMIT, { float32: -1 })).toMatchObject(refusal);
    expect(await pair.client.operate(LIMIT, { boolean: true })).toMatchObject(refusal);
    expect(await pair.client.operate(LIMIT, { float32: Number.NaN })).toMatchObject(refusal);
    expect(pair.server.valueOf(`${LIMIT}.mxVal.f`)).toEqual({ float32: 22000 });
  });

  it('blocked-by-mode while LLN0.Mod is blocked or off; Mod itself stays operable', async () => {
    pair = await startPair();
    expect((await pair.client.operate('CP0001/LLN0.Mod', { enumerated: 5 })).ok).toBe(true);
    expect(await pair.client.operate(LIMIT, { float32: 1000 })).toMatchObject({ ok: false, stage: 'operate', addCause: 'blockedByMode' });
    expect(await pair.client.selectWithValue(V2G, { float32: 1000 })).toMatchObject({ ok: false, stage: 'select', addCause: 'blockedByMode' });
    expect((await pair.client.operate('CP0001/LLN0.Mod', { enumerated: 1 })).ok).toBe(true);
    expect((await pair.client.operate(LIMIT, { float32: 1000 })).ok).toBe(true);
    expect(await pair.client.operate('CP0001/LLN0.Mod', { enumerated: 9 })).toMatchObject({ ok: false, addCause: 'inconsistentParameters' });
  });

  it('the device hook can refuse with an AddCause; status-only and unknown objects are refused', async () => {
    pair = await startPair({ onControl: () => 'blockedByProcess' });
    expect(await pair.client.operate(LIMIT, { float32: 1000 })).toMatchObject({ ok: false, stage: 'operate', addCause: 'blockedByProcess' });
    expect(await pair.client.operate('CP0001/DWMX2.WMaxSpt', { float32: 1000 })).toMatchObject({ ok: false, addCause: 'notSupported', serviceError: 'accessViolation' });
    expect(await pair.client.operate('CP0001/NOPE1.X', { float32: 1 })).toMatchObject({ ok: false, serviceError: 'instanceNotAvailable' });
  });
});

describe('sbo-with-enhanced-security', () => {
  it('SelectWithValue → Operate → CommandTermination +', async () => {
    pair = await startPair();
    const result = await pair.client.selectOperate(V2G, { float32: -5000 });
    expect(result.ok).toBe(true);
    expect(pair.server.valueOf(`${V2G}.mxVal.f`)).toEqual({ float32: -5000 });
  });

  it('CommandTermination − carries the device AddCause', async () => {
    pair = await startPair({ onControl: (ref) => (ref === V2G ? 'blockedByHealth' : 'accept') });
    const result = await pair.client.selectOperate(V2G, { float32: -5000 }, { ctlNum: 42 });
    expect(result).toEqual({ ok: false, ctlNum: 42, stage: 'termination', addCause: 'blockedByHealth' });
    expect(pair.server.valueOf(`${V2G}.mxVal.f`)).toEqual({ float32: 0 });
  });

  it('operate without select → objectNotSelected', async () => {
    pair = await startPair();
    expect(await pair.client.operate(V2G, { float32: 100 }, { awaitTermination: true })).toMatchObject({
      ok: false,
      stage: 'operate',
      serviceError: 'controlMustBeSelected',
      addCause: 'objectNotSelected',
    });
  });

  it('select timeout → time-limit-over, then objectNotSelected', async () => {
    const model = chargePointModel('CP0001');
    const dagc = model.logicalDevices[0]?.logicalNodes.find((l) => l.name === 'DAGC1')?.dataObjects[0];
    if (dagc) dagc.sboTimeoutMs = 40;
    pair = await startPair({ model });
    expect((await pair.client.selectWithValue(V2G, { float32: 100 }, { ctlNum: 7 })).ok).toBe(true);
    await sleep(100);
    expect(await pair.client.operate(V2G, { float32: 100 }, { ctlNum: 7, awaitTermination: true })).toMatchObject({ ok: false, stage: 'operate', addCause: 'timeLimitOver' });
    expect(await pair.client.operate(V2G, { float32: 100 }, { ctlNum: 7, awaitTermination: true })).toMatchObject({ ok: false, stage: 'operate', addCause: 'objectNotSelected' });
  });

  it('wrong ctlNum or another value on operate → inconsistent-parameters', async () => {
    pair = await startPair();
    expect((await pair.client.selectWithValue(V2G, { float32: 100 }, { ctlNum: 9 })).ok).toBe(true);
    expect(await pair.client.operate(V2G, { float32: 200 }, { ctlNum: 9 })).toMatchObject({ ok: false, addCause: 'inconsistentParameters' });
    expect((await pair.client.selectWithValue(V2G, { float32: 100 }, { ctlNum: 5 })).ok).toBe(true);
    expect(await pair.client.operate(V2G, { float32: 100 }, { ctlNum: 6, awaitTermination: true })).toMatchObject({
      ok: false,
      stage: 'operate',
      addCause: 'inconsistentParameters',
    });
  });

  it('out-of-range select, cancel, and a selection held by another client', async () => {
    pair = await startPair();
    expect(await pair.client.selectWithValue(V2G, { float32: 99_000 })).toMatchObject({ ok: false, stage: 'select', addCause: 'inconsistentParameters' });
    expect((await pair.client.selectWithValue(V2G, { float32: 100 }, { ctlNum: 1 })).ok).toBe(true);
    const other = await pair.reconnect();
    expect(await other.selectWithValue(V2G, { float32: 100 })).toMatchObject({ ok: false, addCause: 'objectAlreadySelected' });
    expect((await pair.client.cancel(V2G, { float32: 100 }, { ctlNum: 1 })).ok).toBe(true);
    expect(await pair.client.operate(V2G, { float32: 100 }, { ctlNum: 1 })).toMatchObject({ ok: false, addCause: 'objectNotSelected' });
    expect(await other.cancel(V2G, { float32: 100 })).toMatchObject({ ok: false, stage: 'cancel', addCause: 'objectNotSelected' });
    expect((await other.selectOperate(V2G, { float32: 100 })).ok).toBe(true);
  });

  it('an onSelect hook refuses at SelectWithValue time; onControl is not asked', async () => {
    let operated = 0;
    pair = await startPair({ onSelect: () => 'blockedByProcess', onControl: () => ((operated += 1), 'accept') });
    expect(await pair.client.selectOperate(V2G, { float32: -100 })).toMatchObject({ ok: false, stage: 'select', addCause: 'blockedByProcess' });
    expect(operated).toBe(0);
  });

  it('a second command while the first still executes → commandAlreadyInExecution', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<'accept'>((resolve) => (release = () => resolve('accept')));
    pair = await startPair({ onControl: (ref) => (ref === V2G ? slow : 'accept') });
    const first = pair.client.selectOperate(V2G, { float32: -100 });
    await sleep(30);
    expect(await pair.client.selectWithValue(V2G, { float32: -200 })).toMatchObject({ ok: false, addCause: 'commandAlreadyInExecution' });
    release();
    expect((await first).ok).toBe(true);
    expect((await pair.client.selectOperate(V2G, { float32: -200 })).ok).toBe(true);
  });

  it('no CommandTermination within the timeout → stage timeout', async () => {
    pair = await startPair({ onControl: (ref) => (ref === V2G ? new Promise(() => undefined) : 'accept') });
    expect(await pair.client.selectOperate(V2G, { float32: 100 }, { terminationTimeoutMs: 50 })).toMatchObject({ ok: false, stage: 'timeout' });
  });

  it('a direct-model object refuses SelectWithValue', async () => {
    pair = await startPair();
    expect(await pair.client.selectWithValue(LIMIT, { float32: 100 })).toMatchObject({ ok: false, addCause: 'notSupported' });
  });
});
