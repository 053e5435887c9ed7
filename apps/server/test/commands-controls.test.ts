import { describe, expect, it } from 'vitest';
import { DomainError } from '../src/errors.js';
import { createCommandService } from '../src/features/commands/command.service.js';
import type { CommandRequest } from '../src/features/commands/command-types.js';
import { reactiveInWords } from '../src/features/commands/command-profile.js';
import { alice, chargePoint, setup } from './commands-fakes.js';

async function sendOk(request: CommandRequest) {
  const { deps, device } = setup([chargePoint('CP1'), chargePoint('CP9', { functions: { v2g: false, powerFactor: false, fixedQ: false, frequencyResponse: false }, ratedExportW: 0 })]);
  const c = await createCommandService(deps).request({ request, actor: alice });
  return { c, calls: device.calls.map((x) => ({ op: x.op, ref: x.call?.ref, ctlVal: x.call?.ctlVal, writes: x.writes?.map((w) => [w.ref, w.value]), method: x.method })) };
}

async function refused(request: CommandRequest): Promise<DomainError> {
  const { deps, device } = setup([chargePoint('CP1'), chargePoint('CP9', { functions: { v2g: false, powerFactor: false, fixedQ: false, frequencyResponse: false }, ratedExportW: 0 })]);
  try {
    await createCommandService(deps).request({ request, actor: alice });
  } catch (e) {
    expect(device.calls).toHaveLength(0); // refused before anything is sent
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('each control on the device', () => {
  it('V2G discharge: select-before-operate with enhanced security on DAGC1.WSpt, negative', async () => {
    const { c, calls } = await sendOk({ kind: 'v2gDischarge', chargePointId: 'CP1', evseNo: 1, dischargeW: 5_000, durationS: 1_800 });
    expect(calls).toEqual([{ op: 'selectOperate', ref: 'CP1/DAGC1.WSpt', ctlVal: { float32: -5_000 } }]);
    expect(c.endsAt?.toISOString()).toBe('2026-11-25T14:30:00.000Z');
  });

  it('reactive cos φ: Q control off, signed target (injecting = negative), PF control on', async () => {
    const { calls } = await sendOk({ kind: 'reactive', chargePointId: 'CP1', setting: { mode: 'powerFactor', powerFactor: 0.95, direction: 'injecting' } });
    expect(calls.map((x) => [x.ref, x.ctlVal])).toEqual([
      ['CP1/DVAR1.Mod', { enumerated: 5 }],
      ['CP1/DFPF1.PFTgtSpt', { float32: -0.95 }],
      ['CP1/DFPF1.Mod', { enumerated: 1 }],
    ]);
  });

  it('reactive fixed Q absorbing is positive; off switches both functions off', async () => {
    const q = await sendOk({ kind: 'reactive', chargePointId: 'CP1', setting: { mode: 'fixedQ', reactivePowerVar: 3_000, direction: 'absorbing' } });
    expect(q.calls.map((x) => [x.ref, x.ctlVal])).toEqual([
      ['CP1/DFPF1.Mod', { enumerated: 5 }],
      ['CP1/DVAR1.VArTgtSpt', { float32: 3_000 }],
      ['CP1/DVAR1.Mod', { enumerated: 1 }],
    ]);
    const off = await sendOk({ kind: 'reactive', chargePointId: 'CP1', setting: { mode: 'off' } });
    expect(off.calls.map((x) => x.ref)).toEqual(['CP1/DFPF1.Mod', 'CP1/DVAR1.Mod']);
  });

  it('says the reactive direction in words', () => {
    expect(reactiveInWords({ mode: 'powerFactor', powerFactor: 0.95, direction: 'absorbing' })).toBe('cos φ 0.95, absorbing reactive power (inductive, like a motor)');
    expect(reactiveInWords({ mode: 'fixedQ', reactivePowerVar: 2_000, direction: 'injecting' })).toBe('2000 var, injecting reactive power (capacitive, supporting the voltage)');
  });

  it('frequency response: settings written, then the function switched', async () => {
    const { calls } = await sendOk({ kind: 'frequencyResponse', chargePointId: 'CP1', enabled: true, deadBandHz: 0.2, droopPctPerHz: 5 });
    expect(calls).toEqual([
      { op: 'setDataValues', writes: [['CP1/DFWC1.HzDb.setMag.f', { float32: 0.2 }], ['CP1/DFWC1.Drp.setMag.f', { float32: 5 }]] },
      { op: 'operate', ref: 'CP1/DFWC1.Mod', ctlVal: { enumerated: 1 } },
    ]);
  });

  it('out of service: LLN0.Mod blocked (2), off (5) and back on (1)', async () => {
    for (const [mode, value] of [['blocked', 2], ['off', 5], ['on', 1]] as const) {
      const { calls } = await sendOk({ kind: 'outOfService', chargePointId: 'CP1', mode, reason: 'transformer fire' });
      expect(calls).toEqual([{ op: 'operate', ref: 'CP1/LLN0.Mod', ctlVal: { enumerated: value } }]);
    }
  });

  it('read meter: GI or getDataValues', async () => {
    expect((await sendOk({ kind: 'readMeter', chargePointId: 'CP1', method: 'gi' })).calls).toEqual([{ op: 'readMeter', method: 'gi' }]);
  });

  it('residential: the same control goes to the charge point\'s LD inside the CPO gateway', async () => {
    const { deps, device } = setup([chargePoint('R7', { accessPoint: 'GW-CPO-A', ldName: 'GWR7' })]);
    await createCommandService(deps).request({ request: { kind: 'setImportLimit', chargePointId: 'R7', importLimitW: 3_700 }, actor: alice });
    expect(device.calls[0]?.target).toEqual({ chargePointId: 'R7', accessPoint: 'GW-CPO-A', ldName: 'GWR7' });
    expect(device.calls[0]?.call?.ref).toBe('GWR7/DWMX1.WMaxSpt');
  });
});

describe('refusals before anything is sent', () => {
  const cases: [string, CommandRequest, RegExp][] = [
    ['limit above rating', { kind: 'setImportLimit', chargePointId: 'CP1', importLimitW: 30_000 }, /importLimitW 30000 is above the rating of CP1 \(22000\); lower it to at most 22000/],
    ['fallback above limit', { kind: 'setImportLimit', chargePointId: 'CP1', importLimitW: 5_000, fallbackW: 6_000, fallbackTimeoutS: 60 }, /fallbackW 6000 is above the limit \(5000\)/],
    ['half a fallback', { kind: 'setImportLimit', chargePointId: 'CP1', importLimitW: 5_000, fallbackW: 1_000 }, /both the fallback limit and its time-out/],
    ['limit window in the past', { kind: 'setImportLimit', chargePointId: 'CP1', importLimitW: 5_000, endsAt: new Date('2026-11-25T13:00:00Z') }, /window ends in the past/],
    ['fallback time-out out of range', { kind: 'setFallback', chargePointId: 'CP1', fallbackW: 1_000, fallbackTimeoutS: 0 }, /fallbackTimeoutS must be between 1 and 86400/],
    ['V2G to an EVSE without EV', { kind: 'v2gDischarge', chargePointId: 'CP1', evseNo: 2, dischargeW: 5_000, durationS: 600 }, /No EV is connected at EVSE 2 of CP1; V2G needs a connected EV/],
    ['V2G to a charge point without the capability', { kind: 'v2gDischarge', chargePointId: 'CP9', evseNo: 1, dischargeW: 5_000, durationS: 600 }, /CP9 is not V2G capable/],
    ['V2G to an unknown EVSE', { kind: 'v2gDischarge', chargePointId: 'CP1', evseNo: 7, dischargeW: 5_000, durationS: 600 }, /has no EVSE 7; choose one of 1, 2/],
    ['V2G above the export rating', { kind: 'v2gDischarge', chargePointId: 'CP1', evseNo: 1, dischargeW: 20_000, durationS: 600 }, /above the export rating of CP1 \(11000\)/],
    ['V2G with zero power', { kind: 'v2gDischarge', chargePointId: 'CP1', evseNo: 1, dischargeW: 0, durationS: 600 }, /dischargeW must be more than 0/],
    ['V2G too short', { kind: 'v2gDischarge', chargePointId: 'CP1', evseNo: 1, dischargeW: 1_000, durationS: 10 }, /durationS must be between 60 and 86400/],
    ['cos φ below 0.90', { kind: 'reactive', chargePointId: 'CP1', setting: { mode: 'powerFactor', powerFactor: 0.8, direction: 'absorbing' } }, /powerFactor must be between 0.9 and 1/],
    ['Q above the reactive rating', { kind: 'reactive', chargePointId: 'CP1', setting: { mode: 'fixedQ', reactivePowerVar: 20_000, direction: 'absorbing' } }, /above the reactive rating of CP1/],
    ['reactive on a device without it', { kind: 'reactive', chargePointId: 'CP9', setting: { mode: 'powerFactor', powerFactor: 0.95, direction: 'absorbing' } }, /CP9 has no power factor control/],
    ['droop outside 2–12 %', { kind: 'frequencyResponse', chargePointId: 'CP1', enabled: true, droopPctPerHz: 40 }, /droopPctPerHz must be between 2 and 12/],
    ['dead band too wide', { kind: 'frequencyResponse', chargePointId: 'CP1', enabled: true, deadBandHz: 1 }, /deadBandHz must be between 0.01 and 0.5 Hz/],
    ['P(f) on a device without it', { kind: 'frequencyResponse', chargePointId: 'CP9', enabled: true }, /no frequency response function/],
    ['out of service without a reason', { kind: 'outOfService', chargePointId: 'CP1', mode: 'off', reason: ' ' }, /needs a reason/],
  ];
  it.each(cases)('%s', async (_name, request, message) => {
    const e = await refused(request);
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(message);
    expect(e.details).toHaveProperty('field');
  });

  it('a fallback above the limit now in force on the device is refused', async () => {
    const { deps } = setup([chargePoint('CP1', { currentImportLimitW: 5_000 })]);
    await expect(createCommandService(deps).request({ request: { kind: 'setFallback', chargePointId: 'CP1', fallbackW: 6_000, fallbackTimeoutS: 60 }, actor: alice })).rejects.toThrow(/above the current limit of CP1 \(5000\)/);
  });
});
