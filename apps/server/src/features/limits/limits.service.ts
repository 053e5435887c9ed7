// Limit rules as functions of (deps, input): planning the schedules of a DSO limit, what to send
// when a window ends, and the CPO limit as a read-only constraint. No database, no device here:
// persistence and sending go through ports wired later (see ../commands/README.md).
import { DomainError } from '../../errors.js';
import type { GridShape } from './grid-shape.js';
import { dsoScheduleAt, isActiveAt, type ChargePointRating, type LimitSchedule } from './limit-schedule.js';
import { validateLimitRequest, type LimitRequest } from './limit-validation.js';
import { splitNodeLimit } from './split-limit.js';

export interface LimitDeps {
  now: () => Date;
  newId: () => string;
}

export interface LimitPlan {
  /** The node-level schedule as the operator asked for it (absent for a charge point target). */
  parent: LimitSchedule | null;
  /** One DSO schedule per charge point: what is written to each device. */
  perChargePoint: LimitSchedule[];
}

/** Fallback shares: the node fallback split like the limit, each capped at its share (≤ limit). */
function fallbackShares(req: LimitRequest, shares: { chargePointId: string; importLimitW: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  if (req.fallbackW === undefined) return out;
  if (req.target.kind === 'chargePoint') {
    out.set(req.target.chargePointId, req.fallbackW);
    return out;
  }
  const limited = shares.map((s) => ({ id: s.chargePointId, connectionPointId: null, ratedImportW: s.importLimitW }));
  for (const f of splitNodeLimit(req.fallbackW, limited, req.split ?? 'rating')) out.set(f.chargePointId, f.importLimitW);
  return out;
}

/** Validates a DSO limit and turns it into schedules (nothing is stored or sent here). */
export function planLimit(deps: LimitDeps, req: LimitRequest, grid: GridShape, existing: readonly LimitSchedule[], createdBy: string): LimitPlan {
  const now = deps.now();
  const { startsAt, endsAt, shares } = validateLimitRequest(req, grid, existing, now);
  const base = { source: 'DSO' as const, priority: req.priority ?? 1, startsAt, endsAt, createdBy, createdAt: now, reason: req.reason };
  const parent: LimitSchedule | null = req.target.kind === 'chargePoint' ? null : { ...base, id: deps.newId(), target: req.target, importLimitW: req.importLimitW, ...fallbackOf(req.fallbackW, req.fallbackTimeoutS) };
  const fallbacks = fallbackShares(req, shares);
  const perChargePoint = shares.map((s): LimitSchedule => ({
    ...base,
    id: deps.newId(),
    target: { kind: 'chargePoint', chargePointId: s.chargePointId },
    importLimitW: s.importLimitW,
    ...fallbackOf(fallbacks.get(s.chargePointId), req.fallbackTimeoutS),
    ...(parent ? { parentScheduleId: parent.id } : {}),
  }));
  return { parent, perChargePoint };
}

function fallbackOf(fallbackW: number | undefined, fallbackTimeoutS: number | undefined): Pick<LimitSchedule, 'fallbackW' | 'fallbackTimeoutS'> {
  return fallbackW === undefined || fallbackTimeoutS === undefined ? {} : { fallbackW, fallbackTimeoutS };
}

/** What to write to a device when a DSO window ends. */
export type WindowEndAction =
  | { kind: 'restore'; chargePointId: string; schedule: LimitSchedule; importLimitW: number; fallbackW?: number; fallbackTimeoutS?: number; explanation: string }
  | { kind: 'rating'; chargePointId: string; importLimitW: number; explanation: string };

/**
 * At the end of `ending`'s window: the DSO schedule that is then in force (the previous one,
 * restored), or — when there is none — the rating (no DSO limit).
 */
export function actionAtWindowEnd(chargePoint: ChargePointRating, ending: LimitSchedule, schedules: readonly LimitSchedule[]): WindowEndAction {
  if (!ending.endsAt) throw new DomainError('invalid_input', `Schedule ${ending.id} is open-ended; it has no window end.`, { scheduleId: ending.id });
  const next = dsoScheduleAt(chargePoint.id, schedules, ending.endsAt, ending.id);
  if (!next) {
    return { kind: 'rating', chargePointId: chargePoint.id, importLimitW: chargePoint.ratedImportW, explanation: `The window of ${ending.id} ended and no other DSO limit applies: back to the rating.` };
  }
  return {
    kind: 'restore',
    chargePointId: chargePoint.id,
    schedule: next,
    importLimitW: Math.min(next.importLimitW, chargePoint.ratedImportW),
    ...fallbackOf(next.fallbackW, next.fallbackTimeoutS),
    explanation: `The window of ${ending.id} ended: schedule ${next.id} (set by ${next.createdBy}) applies again.`,
  };
}

/** DSO charge-point schedules whose window ends in (from, to]: the window ends to act on. */
export function windowsEndingBetween(schedules: readonly LimitSchedule[], from: Date, to: Date): LimitSchedule[] {
  return schedules
    .filter((s) => s.source === 'DSO' && s.target.kind === 'chargePoint' && s.endsAt !== null && s.endsAt.getTime() > from.getTime() && s.endsAt.getTime() <= to.getTime())
    .sort((a, b) => (a.endsAt?.getTime() ?? 0) - (b.endsAt?.getTime() ?? 0));
}

/** The schedules a charge point has in force at `at` (for listing; the rating is not a schedule). */
export function activeSchedules(chargePointId: string, schedules: readonly LimitSchedule[], at: Date): LimitSchedule[] {
  return schedules.filter((s) => s.target.kind === 'chargePoint' && s.target.chargePointId === chargePointId && isActiveAt(s, at));
}
