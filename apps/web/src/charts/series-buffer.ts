// Rolling time series kept in the browser from live messages: pure helpers, no React.
import type { LiveMessage } from '../live/live-store.js';

export const LIVE_WINDOW_MS = 15 * 60_000;

export interface StackPoint {
  t: number;
  /** kW per charge point id */
  [chargePointId: string]: number;
}

/** Tracks the latest active power (kW) of each followed charge point and appends one point per message. */
export function appendStackPoint(
  latestKw: Map<string, number>,
  points: readonly StackPoint[],
  msg: LiveMessage,
  ids: ReadonlySet<string>,
  windowMs = LIVE_WINDOW_MS,
): StackPoint[] {
  for (const o of msg.online) if (!o.online && ids.has(o.chargePointId)) latestKw.delete(o.chargePointId);
  for (const s of msg.samples) {
    if (s.evseNo !== 0 || s.measurand !== 'activePowerW' || !ids.has(s.chargePointId)) continue;
    if (s.validity === 1) latestKw.delete(s.chargePointId); // invalid: no value (a gap)
    else latestKw.set(s.chargePointId, s.value / 1000);
  }
  const point: StackPoint = { t: msg.atMs };
  for (const [id, kw] of latestKw) point[id] = kw;
  const from = msg.atMs - windowMs;
  const kept = points.filter((p) => p.t >= from);
  kept.push(point);
  return kept;
}

/** The ids drawn one by one (largest magnitude now first); the rest are summed as "others". */
export function topSeries(latestKw: ReadonlyMap<string, number>, max = 10): string[] {
  return [...latestKw]
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, max)
    .map(([id]) => id);
}

export interface SeriesPoint {
  t: number;
  /** null = gap (invalid value or nothing received) */
  v: number | null;
  questionable?: boolean;
  late?: boolean;
}
