// The measurements a charge point writes each step: MMXU1 totals, phase voltages and currents,
// per-EVSE power, and the energy registers (whole Wh). Measured values go through a dead band like
// an MV's `db`: a value is written only when it moved by at least its band since the last write,
// so a steady charge point sends its integrity report and little else.
import { NOMINAL_HZ } from './physics.js';
import type { EvseRuntime } from './types.js';

export interface Measured {
  readonly evses: readonly EvseRuntime[];
  readonly powerW: number;
  readonly reactiveVar: number;
  readonly powerFactor: number;
  readonly frequencyHz: number;
  readonly desc: { readonly maxImportW: number; readonly maxReactiveVar: number };
}

/** Writes `value` for `ref` when it left the dead band `db` around the last written value. */
export type BandedWrite = (ref: string, value: number, db: number) => void;

export interface EvseRefs {
  chaSt: string;
  evConn: string;
  totW: string;
  dmdWh: string;
  supWh: string;
}

const evseRefCache = new Map<number, EvseRefs>();

/** The LD-relative references of EVSE n, built once. */
export function evseRefs(n: number): EvseRefs {
  let refs = evseRefCache.get(n);
  if (!refs) {
    refs = { chaSt: `DESE${n}.ChaSt`, evConn: `DESE${n}.EvConn`, totW: `EVSE${n}MMXU1.TotW`, dmdWh: `EVSE${n}MMTR1.DmdWh`, supWh: `EVSE${n}MMTR1.SupWh` };
    evseRefCache.set(n, refs);
  }
  return refs;
}

const PHASE_V = ['MMXU1.PhV.phsA', 'MMXU1.PhV.phsB', 'MMXU1.PhV.phsC'] as const;
const PHASE_A = ['MMXU1.A.phsA', 'MMXU1.A.phsB', 'MMXU1.A.phsC'] as const;

const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/** Dead bands: power 0.25 % of the rating, frequency 0.01 Hz, voltage 0.5 V, current 0.1 A. */
export function publishMeasurements(cp: Measured, write: BandedWrite): void {
  const p = cp.powerW;
  const dbW = Math.max(10, cp.desc.maxImportW * 0.0025);
  write('MMXU1.TotW', round(p, 1), dbW);
  write('MMXU1.TotVAr', round(cp.reactiveVar, 1), Math.max(10, cp.desc.maxReactiveVar * 0.0025));
  write('MMXU1.TotPF', round(cp.powerFactor, 3), 0.005);
  write('MMXU1.Hz', round(cp.frequencyHz || NOMINAL_HZ, 3), 0.01);
  const volts = round(230 - p / 2000, 1); // a little voltage drop with load
  const amps = round(Math.hypot(p, cp.reactiveVar) / (3 * volts), 2);
  for (const ref of PHASE_V) write(ref, volts, 0.5);
  for (const ref of PHASE_A) write(ref, amps, 0.1);
  let importWh = 0;
  let exportWh = 0;
  for (const e of cp.evses) {
    const refs = evseRefs(e.evseNo);
    write(refs.totW, round(e.powerW, 1), dbW);
    write(refs.dmdWh, Math.floor(e.importWh), 1);
    write(refs.supWh, Math.floor(e.exportWh), 1);
    importWh += e.importWh;
    exportWh += e.exportWh;
  }
  write('MMTR1.DmdWh', Math.floor(importWh), 1);
  write('MMTR1.SupWh', Math.floor(exportWh), 1);
}
