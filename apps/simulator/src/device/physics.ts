// Pure physics of one charge point step: the EV's charging curve, the split of the charge point's
// limit over its EVSEs, the autonomous P(f) response, and the reactive power the active function
// asks for. No state, no clock: inputs in, numbers out.
import type { Ev } from './types.js';

export const NOMINAL_HZ = 50;

/** Power the EV draws at this state of charge: flat to 80 %, then tapering to 10 % at 100 %. */
export function evChargeDemandW(ev: Ev): number {
  if (ev.socPct >= 100) return 0;
  if (ev.socPct <= 80) return ev.maxChargeW;
  const taper = 1 - ((ev.socPct - 80) / 20) * 0.9;
  return ev.maxChargeW * taper;
}

/** Lowest SoC an EV may be discharged to (the driver still has to get home). */
export const V2G_MIN_SOC_PCT = 20;

/**
 * Splits `limitW` over EVSE demands: equal shares, what one EVSE does not need goes to the others
 * (water filling). Returns one allocation per demand, each ≤ its demand.
 */
export function shareLimit(demandsW: readonly number[], limitW: number): number[] {
  const out = demandsW.map(() => 0);
  let remaining = Math.max(0, limitW);
  let open = demandsW.map((_d, i) => i).filter((i) => (demandsW[i] ?? 0) > 0);
  while (open.length > 0 && remaining > 1e-9) {
    const share = remaining / open.length;
    const next: number[] = [];
    for (const i of open) {
      const want = (demandsW[i] ?? 0) - (out[i] ?? 0);
      const give = Math.min(want, share);
      out[i] = (out[i] ?? 0) + give;
      remaining -= give;
      if (want - give > 1e-9) next.push(i);
    }
    if (next.length === open.length) break; // everyone took a full share: the limit is used up
    open = next;
  }
  return out;
}

export interface FrequencyResponseSettings {
  enabled: boolean;
  deadBandHz: number;
  /** Droop: % of rated power per Hz outside the dead band. */
  droopPctPerHz: number;
  ratedW: number;
}

/**
 * P(f) for a load: below the dead band the import limit drops by droop × rating per Hz; above it
 * nothing changes (the EV already takes what it may). Returns the cap and whether it is active.
 */
export function frequencyCapW(frequencyHz: number, s: FrequencyResponseSettings): { capW: number; active: boolean } {
  if (!s.enabled) return { capW: Number.POSITIVE_INFINITY, active: false };
  const deviation = NOMINAL_HZ - frequencyHz - s.deadBandHz;
  const over = frequencyHz - NOMINAL_HZ - s.deadBandHz;
  if (deviation > 0) return { capW: Math.max(0, s.ratedW * (1 - (s.droopPctPerHz / 100) * deviation)), active: true };
  return { capW: Number.POSITIVE_INFINITY, active: over > 0 };
}

export type ReactiveMode = { kind: 'none' } | { kind: 'pf'; pf: number } | { kind: 'var'; targetVar: number };

/**
 * Reactive power at the connection for the active function: a cos φ target (+ absorbing /
 * inductive, − injecting / capacitive) scales with |P|; a fixed Q target is held. Limited by ±ratingVar.
 */
export function reactivePower(activeW: number, mode: ReactiveMode, ratingVar: number): { var: number; pf: number } {
  let q = 0;
  if (mode.kind === 'pf' && Math.abs(mode.pf) > 0 && Math.abs(mode.pf) < 1) {
    const phi = Math.acos(Math.min(1, Math.abs(mode.pf)));
    q = Math.sign(mode.pf) * Math.abs(activeW) * Math.tan(phi);
  } else if (mode.kind === 'var') {
    q = mode.targetVar;
  }
  q = Math.max(-ratingVar, Math.min(ratingVar, q));
  const s = Math.hypot(activeW, q);
  const pfMagnitude = s < 1 ? 1 : Math.abs(activeW) / s;
  const pf = q < 0 ? -pfMagnitude : pfMagnitude;
  return { var: q, pf };
}
