// The device's say on a DSO control (after the protocol library's own checks: range →
// inconsistentParameters, LLN0.Mod blocked/off → blockedByMode, SBO rules). Here: V2G only with an
// EV that can discharge (blockedByProcess otherwise), nothing on a faulted charge point, and for a
// residential LD the gateway's translation into OCPP (ChargePointMaxProfile), which needs the OCPP
// link (abortionByCommunicationLoss otherwise).
import type { ControlServiceStatusKind, Data } from '@dso/iec61850';
import { canDischarge } from './allocate.js';
import type { ChargePoint } from './charge-point.js';

type Verdict = 'accept' | ControlServiceStatusKind;

function scalar(value: Data): number | undefined {
  const inner = 'structure' in value ? value.structure.data[0] : value;
  if (inner === undefined) return undefined;
  const v = Object.values(inner)[0] as unknown;
  return typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : undefined;
}

/** `doRef` relative to the LD, e.g. `DAGC1.WSpt`. */
export function decideControl(cp: ChargePoint, doRef: string, value: Data, viaGateway: boolean): Verdict {
  const v = scalar(value);
  if (v === undefined) return 'inconsistentParameters';
  if (viaGateway && !cp.ocppLinkUp && doRef !== 'LLN0.Mod') return 'abortionByCommunicationLoss';
  switch (doRef) {
    case 'DAGC1.WSpt': {
      if (cp.misbehaviour.refuseV2g) return 'blockedByProcess';
      if (v < 0 && !cp.evses.some((e) => canDischarge(cp.desc, e))) return 'blockedByProcess';
      if (viaGateway) cp.ocppLogDso('SetChargingProfile', { chargingProfilePurpose: 'TxProfile', operationMode: v < 0 ? 'CentralSetpoint' : 'ChargingOnly', setpoint: v, ocppVersion: '2.1' });
      return 'accept';
    }
    case 'DWMX1.WMaxSpt':
      cp.dsoHasSet = true;
      if (viaGateway) cp.ocppLogDso('SetChargingProfile', { connectorId: 0, chargingProfilePurpose: 'ChargePointMaxProfile', chargingRateUnit: 'W', limit: v });
      return 'accept';
    case 'DFPF1.Mod':
    case 'DVAR1.Mod':
      // one reactive function at a time: switching one on switches the other off
      if (v === 1) cp.switchOffOther(doRef === 'DFPF1.Mod' ? 'DVAR1.Mod' : 'DFPF1.Mod');
      return 'accept';
    default:
      return 'accept';
  }
}
