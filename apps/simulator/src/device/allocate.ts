// One step's power decision for a charge point: limits in force (DSO, fallback, CPO, rating, P(f),
// V2G setpoint, mode) → power per EVSE, and the status each EVSE then shows.
import type { ChargePointDescription } from '../fleet-file.js';
import { evChargeDemandW, frequencyCapW, shareLimit, V2G_MIN_SOC_PCT } from './physics.js';
import { isProcessBlocked } from './settings.js';
import type { Settings } from './settings.js';
import { ChaSt } from './types.js';
import type { ChaStValue, EvseRuntime, LimitSource, Misbehaviour } from './types.js';

export interface LimitsInForce {
  ratingW: number;
  dsoW: number;
  cpoW: number;
  fallbackW: number;
  fallbackActive: boolean;
  effectiveW: number;
  source: LimitSource;
}

export interface LimitInputs {
  cpoW: number;
  /** ms the DSO link has been down; undefined while up. */
  dsoLinkDownMs: number | undefined;
  /** A source counts only once it has set a limit (until then the rating is "local"). */
  dsoHasSet: boolean;
  cpoHasSet: boolean;
}

export function limitsInForce(cp: ChargePointDescription, s: Settings, inputs: LimitInputs): LimitsInForce {
  const { cpoW, dsoLinkDownMs, dsoHasSet, cpoHasSet } = inputs;
  const ratingW = cp.maxImportW;
  const fallbackActive = dsoLinkDownMs !== undefined && dsoLinkDownMs > s.fallbackTimeoutS * 1000;
  const dsoW = fallbackActive ? s.fallbackW : s.dsoLimitW;
  const candidates: Array<[LimitSource, number]> = [
    [fallbackActive ? 'fallback' : 'dso', fallbackActive || dsoHasSet ? dsoW : Number.POSITIVE_INFINITY],
    ['cpo', cpoHasSet ? cpoW : Number.POSITIVE_INFINITY],
    ['local', ratingW],
  ];
  let [source, effectiveW] = candidates[2] ?? ['local', ratingW];
  for (const [src, w] of candidates) {
    if (w < effectiveW || (w === effectiveW && src !== 'local' && source === 'local')) [source, effectiveW] = [src, w];
  }
  return { ratingW, dsoW: s.dsoLimitW, cpoW, fallbackW: s.fallbackW, fallbackActive, effectiveW, source };
}

/** An EVSE that could discharge now (V2G only with EV connected + capable + in a session). */
export function canDischarge(cp: ChargePointDescription, e: EvseRuntime): boolean {
  return cp.v2gCapable && e.v2gCapable && e.ev !== undefined && e.ev.v2g && e.inTransaction && !e.faulted && e.ev.socPct > V2G_MIN_SOC_PCT;
}

const canDraw = (e: EvseRuntime): boolean => e.ev !== undefined && e.inTransaction && !e.faulted;

export interface Allocation {
  powerW: number[];
  frequencyActive: boolean;
}

export function allocate(cp: ChargePointDescription, evses: EvseRuntime[], s: Settings, limits: LimitsInForce, frequencyHz: number, misbehave: Misbehaviour): Allocation {
  const powerW = evses.map(() => 0);
  const freq = frequencyCapW(frequencyHz, { enabled: s.freqEnabled, deadBandHz: s.deadBandHz, droopPctPerHz: s.droopPctPerHz, ratedW: limits.ratingW });
  if (isProcessBlocked(s.mod)) return { powerW, frequencyActive: freq.active };
  const discharging = s.v2gSetpointW < 0 ? evses.map((e) => canDischarge(cp, e)) : evses.map(() => false);
  if (discharging.some(Boolean)) {
    const wants = evses.map((e, i) => (discharging[i] && e.ev ? Math.min(e.ev.maxDischargeW, e.maxPowerW) : 0));
    const give = shareLimit(wants, Math.min(-s.v2gSetpointW, cp.maxExportW));
    give.forEach((w, i) => (powerW[i] = -w));
  }
  let importCap = misbehave.ignoreLimits ? limits.ratingW : Math.min(limits.effectiveW, freq.capW);
  if (s.v2gSetpointW > 0 && !misbehave.ignoreLimits) importCap = Math.min(importCap, s.v2gSetpointW);
  // while a discharge setpoint is active, a V2G EV that reached its SoC floor holds (no recharging)
  const holds = (e: EvseRuntime): boolean => s.v2gSetpointW < 0 && cp.v2gCapable && e.v2gCapable && e.ev?.v2g === true;
  const demands = evses.map((e, i) => (!discharging[i] && !holds(e) && canDraw(e) && e.ev ? Math.min(evChargeDemandW(e.ev), e.maxPowerW) : 0));
  shareLimit(demands, importCap).forEach((w, i) => {
    if (!discharging[i]) powerW[i] = w;
  });
  return { powerW, frequencyActive: freq.active };
}

export function statusOf(e: EvseRuntime): ChaStValue {
  if (e.faulted) return ChaSt.Faulted;
  if (!e.ev) {
    if (e.unavailable) return ChaSt.Unavailable;
    return e.reserved ? ChaSt.Reserved : ChaSt.Available;
  }
  if (!e.inTransaction) return e.finishing ? ChaSt.Finishing : ChaSt.Preparing;
  if (e.powerW < -0.5) return ChaSt.Discharging;
  if (e.powerW > 0.5) return ChaSt.Charging;
  return evChargeDemandW(e.ev) <= 0 ? ChaSt.SuspendedEV : ChaSt.SuspendedEVSE;
}
