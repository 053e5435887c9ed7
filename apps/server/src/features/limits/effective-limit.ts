// The effective import limit of a charge point = min(DSO limit, CPO limit, rating), plus the
// fallback limit while the device has been without a link for longer than its time-out
// (DOMAIN.md §4 "Limits", use case 3.12). Explained: every active constraint, its source, window
// and value, which one wins, and the same in words ("why this limit").
import {
  compareByRank,
  formatW,
  formatWindow,
  isActiveAt,
  targetsChargePoint,
  type ChargePointRating,
  type LimitSchedule,
  type LimitSource,
} from './limit-schedule.js';

export interface Constraint {
  source: LimitSource;
  valueW: number;
  /** null for the rating (a fact of the device, not a schedule). */
  scheduleId: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  priority: number | null;
  setBy: string;
  reason: string;
}

export interface EffectiveLimit {
  chargePointId: string;
  limitW: number;
  winner: Constraint;
  /** Every constraint that counts, the winner included. */
  constraints: Constraint[];
  /** Active schedules that do not count, each with why (outranked by another of its source). */
  outranked: { constraint: Constraint; why: string }[];
  explanation: string;
}

export interface LinkState {
  online: boolean;
  /** When the device lost its link; required to apply the fallback. */
  offlineSince?: Date;
}

/** On equal values the more specific source is named as the winner. */
const TIE_ORDER: Record<LimitSource, number> = { DSO: 0, fallback: 1, CPO: 2, rating: 3 };

const SOURCE_WORDS: Record<LimitSource, string> = {
  DSO: 'the DSO limit',
  CPO: "the CPO's own limit",
  fallback: 'the fallback limit (no link to the device)',
  rating: "the charge point's rating",
};

function toConstraint(s: LimitSchedule, source: LimitSource = s.source, valueW = s.importLimitW): Constraint {
  return { source, valueW, scheduleId: s.id, startsAt: s.startsAt, endsAt: s.endsAt, priority: s.priority, setBy: s.createdBy, reason: s.reason };
}

function ratingConstraint(cp: ChargePointRating): Constraint {
  return { source: 'rating', valueW: cp.ratedImportW, scheduleId: null, startsAt: null, endsAt: null, priority: null, setBy: 'device nameplate (DPCC1.WRtg)', reason: 'rated import power' };
}

function fallbackConstraint(dso: LimitSchedule | undefined, link: LinkState | undefined, now: Date): Constraint | undefined {
  if (!dso || dso.fallbackW === undefined || dso.fallbackTimeoutS === undefined) return undefined;
  if (!link || link.online || !link.offlineSince) return undefined;
  const appliesAt = new Date(link.offlineSince.getTime() + dso.fallbackTimeoutS * 1000);
  if (now.getTime() < appliesAt.getTime()) return undefined;
  return { ...toConstraint(dso, 'fallback', dso.fallbackW), startsAt: appliesAt, endsAt: null, reason: `no link since ${link.offlineSince.toISOString()} (time-out ${dso.fallbackTimeoutS} s)` };
}

function describe(c: Constraint): string {
  const by = c.source === 'rating' ? '' : `, set by ${c.setBy}${c.reason ? ` ("${c.reason}")` : ''}`;
  return `${SOURCE_WORDS[c.source]} ${formatW(c.valueW)} (${formatWindow(c.startsAt, c.endsAt)}${by})`;
}

function explain(winner: Constraint, constraints: Constraint[], outranked: EffectiveLimit['outranked']): string {
  const others = constraints.filter((c) => c !== winner);
  const parts = [`Effective import limit ${formatW(winner.valueW)}: ${describe(winner)} is the lowest active constraint.`];
  if (others.length > 0) parts.push(`Also active but higher: ${others.map(describe).join('; ')}.`);
  for (const o of outranked) parts.push(`Not counted: ${describe(o.constraint)} — ${o.why}.`);
  return parts.join(' ');
}

/** Picks the highest-ranked active schedule of a source; the rest are reported as outranked. */
function rankSource(source: LimitSource, active: LimitSchedule[]): { top?: LimitSchedule; outranked: EffectiveLimit['outranked'] } {
  const ranked = active.filter((s) => s.source === source).sort(compareByRank);
  const top = ranked[0];
  if (!top) return { outranked: [] };
  return { top, outranked: ranked.slice(1).map((s) => ({ constraint: toConstraint(s), why: `outranked by schedule ${top.id} (priority ${top.priority})` })) };
}

/**
 * The effective limit of one charge point at `now`. Only schedules that target this charge point
 * count (node limits are split into per-charge-point schedules first).
 */
export function effectiveLimit(
  chargePoint: ChargePointRating,
  schedules: readonly LimitSchedule[],
  now: Date,
  link?: LinkState,
): EffectiveLimit {
  const active = schedules.filter((s) => targetsChargePoint(s, chargePoint.id) && isActiveAt(s, now) && s.source !== 'rating' && s.source !== 'fallback');
  const dso = rankSource('DSO', active);
  const cpo = rankSource('CPO', active);
  const constraints: Constraint[] = [ratingConstraint(chargePoint)];
  if (dso.top) constraints.push(toConstraint(dso.top));
  if (cpo.top) constraints.push(toConstraint(cpo.top));
  const fallback = fallbackConstraint(dso.top, link, now);
  if (fallback) constraints.push(fallback);
  const winner = [...constraints].sort((a, b) => a.valueW - b.valueW || TIE_ORDER[a.source] - TIE_ORDER[b.source])[0] ?? ratingConstraint(chargePoint);
  const outranked = [...dso.outranked, ...cpo.outranked];
  return { chargePointId: chargePoint.id, limitW: winner.valueW, winner, constraints, outranked, explanation: explain(winner, constraints, outranked) };
}
