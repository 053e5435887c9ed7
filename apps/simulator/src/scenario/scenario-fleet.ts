// The fixed fleet every scenario file runs on: two public charge points and two residential ones
// behind the CPO gateway, with known capabilities (so "V2G to a capable EVSE" means the same thing
// in every run).
import type { ChargePointDescription, FleetDescription } from '../fleet-file.js';

function cp(id: string, architecture: 'public' | 'residential', w: number, evses: number, capable: boolean): ChargePointDescription {
  return {
    id, logicalDevice: id, cpoId: architecture === 'public' ? 'cpo-voltcharge' : 'cpo-homewatt', architecture,
    vendor: 'Grid Console', model: capable ? 'Sim-V2G' : 'Sim-Basic', serialNumber: `SN-${id}`, firmware: '1.0.0',
    maxImportW: w, maxExportW: capable ? w : 0, maxReactiveVar: w / 2,
    v2gCapable: capable, reactiveCapable: capable, freqResponseCapable: capable,
    evses: Array.from({ length: evses }, (_v, i) => ({ evseNo: i + 1, maxPowerW: Math.min(w, 11_000), connectorType: 'type2' as const, v2gCapable: capable })),
  };
}

/** A residential charge point as the scenario fleet builds them (for `addChargePoint`). */
export const residentialChargePoint = (id: string, w: number, capable: boolean): ChargePointDescription => cp(id, 'residential', w, 1, capable);

export function scenarioFleet(token = 'scenario-token'): FleetDescription {
  return {
    accessPoints: [
      { id: 'VC-0001', kind: 'chargePoint', cpoId: 'cpo-voltcharge', token, chargePoints: [cp('VC-0001', 'public', 22_000, 2, true)] },
      { id: 'VC-0002', kind: 'chargePoint', cpoId: 'cpo-voltcharge', token, chargePoints: [cp('VC-0002', 'public', 22_000, 2, false)] },
      { id: 'GW-HOMEWATT', kind: 'cpoGateway', cpoId: 'cpo-homewatt', token, chargePoints: [cp('HW-0001', 'residential', 11_000, 1, true), cp('HW-0002', 'residential', 7_400, 1, false)] },
    ],
  };
}
