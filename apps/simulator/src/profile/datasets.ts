// Members of the four data sets in LLN0 (profile v1): Setpoints, Measurements, Status, Energy.
import type { ChargePointDescription } from '../fleet-file.js';

export interface Member {
  ref: string;
  fc: string;
}

const m = (ref: string, fc: string): Member => ({ ref, fc });

export function datasetMembers(cp: ChargePointDescription): { setpoints: Member[]; measurements: Member[]; status: Member[]; energy: Member[] } {
  const evses = cp.evses.map((e) => e.evseNo);
  const setpoints = [
    m('DWMX1.WMaxSpt', 'MX'),
    m('DWMX1.WMaxSet', 'SP'),
    m('DWMX1.WMaxFto', 'SP'),
    m('DWMX1.SptReas', 'ST'),
    m('DWMX2.WMaxSpt', 'MX'),
    ...(cp.v2gCapable ? [m('DAGC1.WSpt', 'MX')] : []),
    ...(cp.reactiveCapable ? [m('DFPF1.PFTgtSpt', 'MX'), m('DFPF1.Mod', 'ST'), m('DVAR1.VArTgtSpt', 'MX'), m('DVAR1.Mod', 'ST')] : []),
    ...(cp.freqResponseCapable ? [m('DFWC1.Mod', 'ST'), m('DFWC1.HzDb', 'SP'), m('DFWC1.Drp', 'SP')] : []),
  ];
  const measurements = [...['TotW', 'TotVAr', 'TotPF', 'Hz', 'PhV', 'A'].map((d) => m(`MMXU1.${d}`, 'MX')), ...evses.map((n) => m(`EVSE${n}MMXU1.TotW`, 'MX'))];
  const status = [
    ...evses.flatMap((n) => [m(`DESE${n}.ChaSt`, 'ST'), m(`DESE${n}.EvConn`, 'ST')]),
    m('LLN0.Mod', 'ST'),
    m('LLN0.Health', 'ST'),
    ...(cp.freqResponseCapable ? [m('DFWC1.FctOpSt', 'ST')] : []),
  ];
  const energy = [m('MMTR1.DmdWh', 'ST'), m('MMTR1.SupWh', 'ST'), ...evses.flatMap((n) => [m(`EVSE${n}MMTR1.DmdWh`, 'ST'), m(`EVSE${n}MMTR1.SupWh`, 'ST')])];
  return { setpoints, measurements, status, energy };
}
