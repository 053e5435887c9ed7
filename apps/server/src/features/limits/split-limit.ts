// Splitting a node-level import limit (connection point or feeder) over the charge points under
// it (DOMAIN.md §2 use case 3.2, §4 "Limits"), by rating or in equal shares.
//
// Rounding rule (integer W):
//   1. real shares: by rating, share_i = L · r_i / Σr; equal share by water-filling (each gets
//      L / n, a charge point whose rating is lower gets its rating and the rest is shared by the
//      others again). Both cap every share at the charge point's rating, so the real shares sum to
//      min(L, Σr) — an integer.
//   2. every share is rounded down to whole watts;
//   3. the watts lost by rounding (fewer than n) go one each to the largest fractional parts
//      (ties: the charge point id in ascending order).
// Hence: shares are integers, Σ shares = min(L, Σr) ≤ L, and every share ≤ its rating.
import type { ChargePointRating } from './limit-schedule.js';

export type SplitMode = 'rating' | 'equal';

export interface LimitShare {
  chargePointId: string;
  importLimitW: number;
}

function realSharesByRating(limitW: number, cps: readonly ChargePointRating[]): number[] {
  const total = cps.reduce((sum, cp) => sum + cp.ratedImportW, 0);
  if (total <= limitW) return cps.map((cp) => cp.ratedImportW);
  return cps.map((cp) => (total === 0 ? 0 : (limitW * cp.ratedImportW) / total));
}

function realSharesEqual(limitW: number, cps: readonly ChargePointRating[]): number[] {
  const order = cps.map((cp, i) => ({ i, rating: cp.ratedImportW })).sort((a, b) => a.rating - b.rating);
  const shares = new Array<number>(cps.length).fill(0);
  let remaining = limitW;
  order.forEach(({ i, rating }, k) => {
    const share = Math.min(rating, remaining / (order.length - k));
    shares[i] = share;
    remaining -= share;
  });
  return shares;
}

function integerise(real: number[], cps: readonly ChargePointRating[]): number[] {
  const target = Math.round(real.reduce((a, b) => a + b, 0));
  const floors = real.map((r) => Math.floor(r + 1e-9));
  let leftover = target - floors.reduce((a, b) => a + b, 0);
  const byRemainder = real
    .map((r, i) => ({ i, frac: r - (floors[i] ?? 0), id: cps[i]?.id ?? '' }))
    .sort((a, b) => b.frac - a.frac || a.id.localeCompare(b.id));
  for (const { i } of byRemainder) {
    if (leftover <= 0) break;
    const cp = cps[i];
    if (cp && (floors[i] ?? 0) < cp.ratedImportW) {
      floors[i] = (floors[i] ?? 0) + 1;
      leftover -= 1;
    }
  }
  return floors;
}

/** Splits `limitW` over `chargePoints` (see the rounding rule above); shares in input order. */
export function splitNodeLimit(limitW: number, cps: readonly ChargePointRating[], mode: SplitMode): LimitShare[] {
  const limit = Math.max(0, Math.floor(limitW));
  const real = mode === 'rating' ? realSharesByRating(limit, cps) : realSharesEqual(limit, cps);
  const shares = integerise(real, cps);
  return cps.map((cp, i) => ({ chargePointId: cp.id, importLimitW: shares[i] ?? 0 }));
}
