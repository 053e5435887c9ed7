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
  for (const ph of ['phsA', 'phsB', 'phsC']) {
    write(`MMXU1.PhV.${ph}`, volts, 0.5);
    write(`MMXU1.A.${ph}`, amps, 0.1);
  }
  let importWh = 0;
  let exportWh = 0;
  for (const e of cp.evses) {
    write(`EVSE${e.evseNo}MMXU1.TotW`, round(e.powerW, 1), dbW);
    write(`EVSE${e.evseNo}MMTR1.DmdWh`, Math.floor(e.importWh), 1);
    write(`EVSE${e.evseNo}MMTR1.SupWh`, Math.floor(e.exportWh), 1);
    importWh += e.importWh;
    exportWh += e.exportWh;
  }
  write('MMTR1.DmdWh', Math.floor(importWh), 1);
  write('MMTR1.SupWh', Math.floor(exportWh), 1);
}
