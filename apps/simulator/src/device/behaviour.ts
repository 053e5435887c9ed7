// Autonomous drivers (seeded, reproducible): EVs arrive over the day at rates that depend on the
// hour and the architecture (public: daytime; residential: evening), start a session, charge,
// and leave at a planned time. Every random draw comes from the charge point's own stream.
import type { ChargePoint } from './charge-point.js';
import type { EvseRuntime } from './types.js';

const HOUR_MS = 3_600_000;

/** Arrivals per EVSE per hour, by local hour (CET ≈ UTC + 1). */
function arrivalRatePerHour(architecture: 'public' | 'residential', hour: number): number {
  if (architecture === 'public') return hour >= 7 && hour < 21 ? 0.22 : 0.03;
  return hour >= 16 && hour < 22 ? 0.25 : 0.01;
}

function dwellMs(cp: ChargePoint): number {
  return cp.desc.architecture === 'public' ? cp.rng.range(0.5, 4) * HOUR_MS : cp.rng.range(6, 14) * HOUR_MS;
}

function arrive(cp: ChargePoint, e: EvseRuntime, now: number, socPct?: number): void {
  const capacityWh = cp.rng.pick([40_000, 58_000, 77_000, 100_000]);
  const v2g = e.v2gCapable && cp.rng.chance(0.5);
  cp.plugIn(e.evseNo, { socPct: socPct ?? cp.rng.range(10, 70), capacityWh, v2g }, now + dwellMs(cp));
}

/** At start: some EVSEs already occupied and charging (so a new fleet shows life at once). */
export function seedOccupancy(cp: ChargePoint, now: number): void {
  for (const e of cp.evses) {
    if (!cp.rng.chance(0.35)) continue;
    arrive(cp, e, now, cp.rng.range(20, 80));
    cp.startTransaction(e.evseNo);
  }
}

/** One step of the drivers' behaviour, before the physics step. */
export function behave(cp: ChargePoint, now: number, dtMs: number): void {
  const hour = (new Date(now).getUTCHours() + 1) % 24;
  const p = (arrivalRatePerHour(cp.desc.architecture, hour) * dtMs) / HOUR_MS;
  for (const e of cp.evses) {
    if (!e.ev) {
      if (!e.faulted && !e.unavailable && !e.reserved && cp.rng.chance(p)) arrive(cp, e, now);
      continue;
    }
    if (!e.inTransaction && !e.finishing) {
      cp.startTransaction(e.evseNo); // the driver badges the card one step after plugging in
      continue;
    }
    const departAt = e.ev.departAt;
    if (departAt === undefined || now < departAt) continue;
    if (e.inTransaction) cp.stopTransaction(e.evseNo, 'Local');
    else cp.unplug(e.evseNo);
  }
}
