// The settings a charge point reads from its own model each step: the DSO writes them through
// controls (Operate) or setDataValues, and the model is the one place they live.
import type { LdSink } from './ld-sink.js';
import type { ReactiveMode } from './physics.js';

export interface Settings {
  mod: number;
  dsoLimitW: number;
  fallbackW: number;
  fallbackTimeoutS: number;
  v2gSetpointW: number;
  reactive: ReactiveMode;
  pfEnabled: boolean;
  freqEnabled: boolean;
  deadBandHz: number;
  droopPctPerHz: number;
}

export function readSettings(sink: LdSink, ratingW: number): Settings {
  const r = (ref: string, fallback: number): number => sink.read(ref) ?? fallback;
  const pfOn = r('DFPF1.Mod.stVal', 5) === 1;
  const varOn = r('DVAR1.Mod.stVal', 5) === 1;
  let reactive: ReactiveMode = { kind: 'none' };
  if (pfOn) reactive = { kind: 'pf', pf: r('DFPF1.PFTgtSpt.mxVal.f', 1) };
  else if (varOn) reactive = { kind: 'var', targetVar: r('DVAR1.VArTgtSpt.mxVal.f', 0) };
  return {
    mod: r('LLN0.Mod.stVal', 1),
    dsoLimitW: r('DWMX1.WMaxSpt.mxVal.f', ratingW),
    fallbackW: r('DWMX1.WMaxSet.setMag.f', ratingW),
    fallbackTimeoutS: r('DWMX1.WMaxFto.setVal', 300),
    v2gSetpointW: r('DAGC1.WSpt.mxVal.f', 0),
    reactive,
    pfEnabled: pfOn,
    freqEnabled: r('DFWC1.Mod.stVal', 5) === 1,
    deadBandHz: r('DFWC1.HzDb.setMag.f', 0.2),
    droopPctPerHz: r('DFWC1.Drp.setMag.f', 40),
  };
}

/** LLN0.Mod on-blocked (2), test/blocked (4) and off (5) stop the process. */
export const isProcessBlocked = (mod: number): boolean => mod === 2 || mod === 4 || mod === 5;
