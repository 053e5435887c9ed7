// The measurements a charge point writes each step: MMXU1 totals, phase voltages and currents,
// per-EVSE power, and the energy registers (whole Wh).
import { NOMINAL_HZ } from './physics.js';
import type { EvseRuntime } from './types.js';

export interface Measured {
  readonly evses: readonly EvseRuntime[];
  readonly powerW: number;
  readonly reactiveVar: number;
  readonly powerFactor: number;
  readonly frequencyHz: number;
}

const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

export function publishMeasurements(cp: Measured, _now: number, write: (ref: string, value: number) => void): void {
  const p = cp.powerW;
  write('MMXU1.TotW', round(p, 1));
  write('MMXU1.TotVAr', round(cp.reactiveVar, 1));
  write('MMXU1.TotPF', round(cp.powerFactor, 3));
  write('MMXU1.Hz', round(cp.frequencyHz || NOMINAL_HZ, 3));
  const volts = round(230 - p / 2000, 1); // a little voltage drop with load
  const amps = round(Math.hypot(p, cp.reactiveVar) / (3 * volts), 2);
  for (const ph of ['phsA', 'phsB', 'phsC']) {
    write(`MMXU1.PhV.${ph}`, volts);
    write(`MMXU1.A.${ph}`, amps);
  }
  let importWh = 0;
  let exportWh = 0;
  for (const e of cp.evses) {
    write(`EVSE${e.evseNo}MMXU1.TotW`, round(e.powerW, 1));
    write(`EVSE${e.evseNo}MMTR1.DmdWh`, Math.floor(e.importWh));
    write(`EVSE${e.evseNo}MMTR1.SupWh`, Math.floor(e.exportWh));
    importWh += e.importWh;
    exportWh += e.exportWh;
  }
  write('MMTR1.DmdWh', Math.floor(importWh));
  write('MMTR1.SupWh', Math.floor(exportWh));
}
