// Limits as schedules (ARCHITECTURE.md principles; DOMAIN.md §4 "Limits"). A schedule is one
// constraint on a charge point's import power: who set it (source), how much (importLimitW), when
// (a window, or open-ended) and how it ranks against other schedules of the same source (priority).
// Node-level DSO limits (connection point, feeder) are split into one schedule per charge point
// (split-limit.ts) that keeps `parentScheduleId`, so every rule below works per charge point.

export const LIMIT_SOURCES = ['DSO', 'CPO', 'fallback', 'rating'] as const;
export type LimitSource = (typeof LIMIT_SOURCES)[number];

export type LimitTarget =
  | { kind: 'chargePoint'; chargePointId: string }
  | { kind: 'connectionPoint' | 'feeder'; nodeId: string };

export interface LimitSchedule {
  id: string;
  target: LimitTarget;
  source: LimitSource;
  /** Among active schedules of one source the highest priority wins, then the most recent. */
  priority: number;
  importLimitW: number;
  startsAt: Date;
  /** null = open-ended. */
  endsAt: Date | null;
  /** DSO limits only: written to DWMX1.WMaxSet / WMaxFto, applies after fallbackTimeoutS without a link. */
  fallbackW?: number;
  fallbackTimeoutS?: number;
  createdBy: string;
  createdAt: Date;
  reason: string;
  /** Set on the per-charge-point shares of a node-level limit. */
  parentScheduleId?: string;
}

/** The facts about a charge point that limit rules need. */
export interface ChargePointRating {
  id: string;
  connectionPointId: string | null;
  ratedImportW: number;
}

/** Active at `at`: startsAt ≤ at < endsAt (an open-ended schedule never ends). */
export function isActiveAt(schedule: LimitSchedule, at: Date): boolean {
  const t = at.getTime();
  return schedule.startsAt.getTime() <= t && (schedule.endsAt === null || t < schedule.endsAt.getTime());
}

export function targetsChargePoint(schedule: LimitSchedule, chargePointId: string): boolean {
  return schedule.target.kind === 'chargePoint' && schedule.target.chargePointId === chargePointId;
}

/** Higher priority first, then the most recently created. */
export function compareByRank(a: LimitSchedule, b: LimitSchedule): number {
  return b.priority - a.priority || b.createdAt.getTime() - a.createdAt.getTime();
}

/**
 * The DSO schedule in force on a charge point at `at` (highest priority, then newest), or
 * undefined when none is. `exclude` leaves one schedule out (used at a window's end).
 */
export function dsoScheduleAt(
  chargePointId: string,
  schedules: readonly LimitSchedule[],
  at: Date,
  exclude?: string,
): LimitSchedule | undefined {
  return schedules
    .filter((s) => s.source === 'DSO' && s.id !== exclude && targetsChargePoint(s, chargePointId) && isActiveAt(s, at))
    .sort(compareByRank)[0];
}

const wattFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
export const formatW = (w: number): string => `${wattFormat.format(w)} W`;
export const formatTime = (d: Date): string => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function formatWindow(startsAt: Date | null, endsAt: Date | null): string {
  if (!startsAt) return 'always';
  return endsAt ? `${formatTime(startsAt)} – ${formatTime(endsAt)}` : `from ${formatTime(startsAt)}, open-ended`;
}
