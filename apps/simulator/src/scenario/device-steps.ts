// The device-side steps of a scenario: what drivers, the CPO and the grid do, and time passing.
import type { Fleet } from '../fleet.js';
import type { DeviceStep } from './scenario-types.js';
import { CommandError } from '../device/commands.js';
import { residentialChargePoint } from './scenario-fleet.js';

export async function runDeviceStep(step: DeviceStep, fleet: Fleet): Promise<void> {
  switch (step.do) {
    case 'advance':
      fleet.advance(step.ms);
      return;
    case 'frequencyEvent':
      fleet.frequencyEvent(step.hz, step.ms);
      return;
    case 'dropLink':
      fleet.dropLink(step.id);
      return;
    case 'restoreLink':
      fleet.restoreLink(step.id);
      return;
    case 'addChargePoint':
      await fleet.addChargePoint(step.gateway, residentialChargePoint(step.cp, 11_000, true));
      return;
    case 'plugIn':
      fleet.chargePoint(step.cp).plugIn(step.evse, step.ev);
      break;
    case 'cpoSetLimit':
      fleet.chargePoint(step.cp).cpoSetLimit(step.w);
      break;
    case 'cpoTrigger':
      fleet.chargePoint(step.cp).cpoTrigger(step.message);
      break;
    case 'misbehave': {
      const m: { ignoreLimits?: boolean; refuseV2g?: boolean } = {};
      if (step.ignoreLimits !== undefined) m.ignoreLimits = step.ignoreLimits;
      if (step.refuseV2g !== undefined) m.refuseV2g = step.refuseV2g;
      fleet.chargePoint(step.cp).misbehave(m);
      break;
    }
    case 'cpoReserve':
      if (!fleet.chargePoint(step.cp).cpoReserve(step.evse)) throw new CommandError(`${step.cp} refused the reservation`);
      break;
    default:
      fleet.chargePoint(step.cp)[step.do](step.evse);
  }
  fleet.chargePoint(step.cp).refresh();
}
