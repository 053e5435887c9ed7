// The charge point chart's series: history buckets from `metering.history` and live samples,
// as points with gaps (null) where values were invalid or missing. Pure functions.
import type { LiveMessage } from '../live/live-store.js';
import { VALIDITY } from '../live/quality.js';
import { LIVE_WINDOW_MS, type SeriesPoint } from './series-buffer.js';

export const CHART_MEASURANDS = ['activePowerW', 'reactivePowerVar', 'powerFactor', 'frequencyHz'] as const;
export type ChartMeasurand = (typeof CHART_MEASURANDS)[number];
export type SeriesSet = Record<ChartMeasurand, SeriesPoint[]>;

export const emptySeries = (): SeriesSet => ({ activePowerW: [], reactivePowerVar: [], powerFactor: [], frequencyHz: [] });

// Devices report on change (dead band), so a long time without samples is not a gap: gaps are
// invalid values and the time a charge point was offline (a null point when it goes offline).

const isChart = (m: string): m is ChartMeasurand => (CHART_MEASURANDS as readonly string[]).includes(m);

/** Appends the message's samples (EVSE 0 of the charted measurands), dropping what left the window. */
export function appendLive(prev: SeriesSet, msg: LiveMessage, chargePointId: string, nowMs: number, windowMs = LIVE_WINDOW_MS): SeriesSet {
  const next = { ...prev };
  const touched = new Set<ChartMeasurand>();
  if (msg.online.some((o) => o.chargePointId === chargePointId && !o.online)) {
    for (const m of CHART_MEASURANDS) {
      next[m] = [...next[m], { t: msg.atMs, v: null }];
      touched.add(m);
    }
  }
  for (const s of msg.samples) {
    if (s.chargePointId !== chargePointId || s.evseNo !== 0 || !isChart(s.measurand)) continue;
    if (!touched.has(s.measurand)) next[s.measurand] = [...next[s.measurand]];
    touched.add(s.measurand);
    next[s.measurand].push({
      t: s.deviceTimeMs,
      v: s.validity === VALIDITY.invalid ? null : s.value,
      questionable: s.validity === VALIDITY.questionable,
      late: s.late,
    });
  }
  const from = nowMs - windowMs;
  for (const m of CHART_MEASURANDS) {
    if (touched.has(m)) next[m].sort((a, b) => a.t - b.t); // late samples slot into their place
    // drop what left the window, but keep the one value still in force at its start
    const firstInside = next[m].findIndex((p) => p.t >= from);
    const keepFrom = (firstInside === -1 ? next[m].length : firstInside) - 1;
    if (keepFrom > 0) next[m] = next[m].slice(keepFrom);
  }
  return next;
}

export interface HistoryBucket {
  tMs: number;
  avg: number;
}

export function historyPoints(points: readonly HistoryBucket[]): SeriesPoint[] {
  return points.map((p) => ({ t: p.tMs, v: p.avg }));
}

/**
 * History up to the first live point, then the live points; the last value is held until `holdToMs`
 * (a step line: the device reports on change) unless it is a gap.
 */
export function joinSeries(history: readonly SeriesPoint[], live: readonly SeriesPoint[], fromMs: number, holdToMs: number | null): SeriesPoint[] {
  const firstLive = live[0]?.t ?? Number.POSITIVE_INFINITY;
  const all = [...history.filter((p) => p.t < firstLive), ...live];
  // the value in force at the window start is the last one before it
  const lastBefore = all.filter((p) => p.t < fromMs).at(-1);
  const out = [...(lastBefore ? [{ ...lastBefore, t: fromMs }] : []), ...all.filter((p) => p.t >= fromMs)];
  const last = out.at(-1);
  if (holdToMs !== null && last && last.v !== null && last.t < holdToMs) out.push({ t: holdToMs, v: last.v, ...(last.questionable ? { questionable: true } : {}) });
  return out;
}
