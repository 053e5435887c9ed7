// Control API actions on one charge point, with their JSON bodies checked.
import type { ChargePoint } from '../device/charge-point.js';
import { CommandError } from '../device/commands.js';

function int(body: Record<string, unknown>, key: string, fallback?: number): number {
  const v = body[key] ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new CommandError(`"${key}" must be a number`);
  return v;
}

const evse = (body: Record<string, unknown>): number => int(body, 'evse', 1);

export function chargePointAction(cp: ChargePoint, action: string, body: Record<string, unknown>): void {
  switch (action) {
    case 'plug-in':
      cp.plugIn(evse(body), { socPct: int(body, 'socPct', 40), capacityWh: int(body, 'capacityWh', 60_000), v2g: body.v2g === true });
      return;
    case 'unplug': return cp.unplug(evse(body));
    case 'start': return cp.startTransaction(evse(body));
    case 'stop': return cp.stopTransaction(evse(body));
    case 'reserve':
      if (!cp.cpoReserve(evse(body))) throw new CommandError(`${cp.id} EVSE ${evse(body)} cannot be reserved now`);
      return;
    case 'cancel-reservation': return cp.cpoCancelReservation(evse(body));
    case 'unavailable': return cp.cpoSetUnavailable(evse(body));
    case 'available': return cp.cpoSetAvailable(evse(body));
    case 'cpo-limit': return cp.cpoSetLimit(int(body, 'w'));
    case 'trigger': return cp.cpoTrigger(body.message === 'StatusNotification' ? 'StatusNotification' : 'MeterValues');
    case 'fault': return cp.fault(evse(body));
    case 'clear-fault': return cp.clearFault(evse(body));
    case 'misbehave':
      cp.misbehave({ ignoreLimits: body.ignoreLimits === true, refuseV2g: body.refuseV2g === true });
      return;
    default:
      throw new CommandError(`unknown action "${action}"`);
  }
}
