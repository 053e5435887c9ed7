// The device profile for controls (DOMAIN.md §3, "device profiles are data"): which data object
// each command writes, with which service and control model, and the signs. IEC 61850 names stay
// verbatim here; everything else speaks domain names.
import type { Data } from '@dso/iec61850';
import type { CommandRequest, ReactiveDirection, ReactiveSetting } from './command-types.js';
import type { ChargePointControlInfo } from './control-target.js';
import type { DataWrite } from './device-control-port.js';

export type DeviceStep =
  | { op: 'operate'; ref: string; ctlVal: Data; what: string } // direct-with-normal-security
  | { op: 'selectOperate'; ref: string; ctlVal: Data; what: string } // sbo-with-enhanced-security
  | { op: 'setDataValues'; writes: DataWrite[]; what: string }
  | { op: 'readMeter'; method: 'gi' | 'getDataValues'; what: string };

/** ENC Mod values (IEC 61850-7-4): on, on-blocked, test, test/blocked, off. */
export const MOD = { on: 1, blocked: 2, test: 3, testBlocked: 4, off: 5 } as const;

/** + absorbing (inductive), − injecting (capacitive): the load convention of DFPF1/DVAR1. */
export const signed = (magnitude: number, direction: ReactiveDirection): number => (direction === 'absorbing' ? magnitude : -magnitude);

const f = (v: number): Data => ({ float32: v });
const e = (v: number): Data => ({ enumerated: v });

function limitSteps(ld: string, r: Extract<CommandRequest, { kind: 'setImportLimit' }>): DeviceStep[] {
  const steps: DeviceStep[] = [];
  if (r.fallbackW !== undefined && r.fallbackTimeoutS !== undefined) steps.push(fallbackStep(ld, r.fallbackW, r.fallbackTimeoutS));
  steps.push({ op: 'operate', ref: `${ld}/DWMX1.WMaxSpt`, ctlVal: f(r.importLimitW), what: `import limit ${r.importLimitW} W` });
  return steps;
}

function fallbackStep(ld: string, fallbackW: number, fallbackTimeoutS: number): DeviceStep {
  return {
    op: 'setDataValues',
    writes: [
      { ref: `${ld}/DWMX1.WMaxSet.setMag.f`, fc: 'sp', value: f(fallbackW) },
      { ref: `${ld}/DWMX1.WMaxFto.setVal`, fc: 'sp', value: { int32: fallbackTimeoutS } },
    ],
    what: `fallback ${fallbackW} W after ${fallbackTimeoutS} s`,
  };
}

function reactiveSteps(ld: string, s: ReactiveSetting, cp: ChargePointControlInfo): DeviceStep[] {
  const pfMod = (on: boolean): DeviceStep => ({ op: 'operate', ref: `${ld}/DFPF1.Mod`, ctlVal: e(on ? MOD.on : MOD.off), what: `power factor control ${on ? 'on' : 'off'}` });
  const qMod = (on: boolean): DeviceStep => ({ op: 'operate', ref: `${ld}/DVAR1.Mod`, ctlVal: e(on ? MOD.on : MOD.off), what: `fixed Q control ${on ? 'on' : 'off'}` });
  if (s.mode === 'off') return [...(cp.functions.powerFactor ? [pfMod(false)] : []), ...(cp.functions.fixedQ ? [qMod(false)] : [])];
  if (s.mode === 'powerFactor') {
    const target = signed(s.powerFactor, s.direction);
    return [...(cp.functions.fixedQ ? [qMod(false)] : []), { op: 'operate', ref: `${ld}/DFPF1.PFTgtSpt`, ctlVal: f(target), what: `cos φ ${s.powerFactor} ${s.direction}` }, pfMod(true)];
  }
  const target = signed(s.reactivePowerVar, s.direction);
  return [...(cp.functions.powerFactor ? [pfMod(false)] : []), { op: 'operate', ref: `${ld}/DVAR1.VArTgtSpt`, ctlVal: f(target), what: `Q ${s.reactivePowerVar} var ${s.direction}` }, qMod(true)];
}

function frequencySteps(ld: string, r: Extract<CommandRequest, { kind: 'frequencyResponse' }>): DeviceStep[] {
  const writes: DataWrite[] = [];
  if (r.deadBandHz !== undefined) writes.push({ ref: `${ld}/DFWC1.HzDb.setMag.f`, fc: 'sp', value: f(r.deadBandHz) });
  if (r.droopPctPerHz !== undefined) writes.push({ ref: `${ld}/DFWC1.Drp.setMag.f`, fc: 'sp', value: f(r.droopPctPerHz) });
  const settings: DeviceStep[] = writes.length > 0 ? [{ op: 'setDataValues', writes, what: 'P(f) dead band / droop' }] : [];
  return [...settings, { op: 'operate', ref: `${ld}/DFWC1.Mod`, ctlVal: e(r.enabled ? MOD.on : MOD.off), what: `P(f) ${r.enabled ? 'on' : 'off'}` }];
}

/** The device steps of a command, in the order they are sent. */
export function stepsFor(r: CommandRequest, cp: ChargePointControlInfo): DeviceStep[] {
  const ld = cp.ldName;
  switch (r.kind) {
    case 'setImportLimit':
      return limitSteps(ld, r);
    case 'setFallback':
      return [fallbackStep(ld, r.fallbackW, r.fallbackTimeoutS)];
    case 'v2gDischarge':
      return [{ op: 'selectOperate', ref: `${ld}/DAGC1.WSpt`, ctlVal: f(-r.dischargeW), what: `discharge ${r.dischargeW} W` }];
    case 'reactive':
      return reactiveSteps(ld, r.setting, cp);
    case 'frequencyResponse':
      return frequencySteps(ld, r);
    case 'outOfService':
      return [{ op: 'operate', ref: `${ld}/LLN0.Mod`, ctlVal: e(MOD[r.mode]), what: `mode ${r.mode}` }];
    case 'readMeter':
      return [{ op: 'readMeter', method: r.method, what: r.method === 'gi' ? 'general interrogation' : 'meter read' }];
  }
}

/** How a V2G discharge stops: operate DAGC1.WSpt back to 0 (at the window's end or on cancel). */
export function v2gStopStep(cp: ChargePointControlInfo): DeviceStep {
  return { op: 'selectOperate', ref: `${cp.ldName}/DAGC1.WSpt`, ctlVal: f(0), what: 'discharge stop (0 W)' };
}

/** Reactive direction in words for the operator. */
export function reactiveInWords(setting: ReactiveSetting): string {
  if (setting.mode === 'off') return 'reactive power control off';
  const how = setting.direction === 'absorbing' ? 'absorbing reactive power (inductive, like a motor)' : 'injecting reactive power (capacitive, supporting the voltage)';
  return setting.mode === 'powerFactor' ? `cos φ ${setting.powerFactor}, ${how}` : `${setting.reactivePowerVar} var, ${how}`;
}
