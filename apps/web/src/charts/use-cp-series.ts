// The four charted series of one charge point for the chosen view: "live" = the last 15 minutes
// from history, then live samples as they arrive; a range = history rollups for that range.
import { useCallback, useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import type { LiveMessage } from '../live/live-store.js';
import { appendLive, CHART_MEASURANDS, emptySeries, historyPoints, joinSeries, type SeriesSet } from './cp-series.js';
import { LIVE_WINDOW_MS } from './series-buffer.js';

export type ChartView = { kind: 'live' } | { kind: 'range'; fromMs: number; toMs: number };

const MAX_POINTS = 900;

/** `holdToNow`: the charge point is online, so its last values still hold now. */
export function useCpSeries(chargePointId: string, view: ChartView, nowMs: number, holdToNow: boolean) {
  const trpc = useTRPC();
  const [liveStart] = useState(() => Date.now());
  const [live, setLive] = useState<SeriesSet>(emptySeries);
  const fromMs = view.kind === 'live' ? liveStart - LIVE_WINDOW_MS : view.fromMs;
  const toMs = view.kind === 'live' ? liveStart : view.toMs;
  const history = useQueries({
    queries: CHART_MEASURANDS.map((measurand) =>
      trpc.metering.history.queryOptions(
        { chargePointId, measurand, fromMs: Math.round(fromMs), toMs: Math.round(toMs), resolution: view.kind === 'live' ? 'raw' : 'auto', maxPoints: MAX_POINTS },
        { staleTime: view.kind === 'live' ? Number.POSITIVE_INFINITY : 60_000 },
      ),
    ),
  });
  const onMessage = useCallback(
    (msg: LiveMessage) => {
      setLive((prev) => appendLive(prev, msg, chargePointId, msg.atMs));
    },
    [chargePointId],
  );
  const series = emptySeries();
  CHART_MEASURANDS.forEach((m, i) => {
    const data = history[i]?.data;
    const past = data ? historyPoints(data.points) : [];
    series[m] =
      view.kind === 'live'
        ? joinSeries(past, live[m], nowMs - LIVE_WINDOW_MS, holdToNow ? nowMs : null)
        : joinSeries(past, [], fromMs, holdToNow && toMs >= nowMs - 60_000 ? Math.min(toMs, nowMs) : null);
  });
  const resolution = history[0]?.data?.resolution ?? null;
  const loading = history.some((h) => h.isPending);
  const error = history.find((h) => h.isError)?.error ?? null;
  return { series, onMessage, resolution, loading, error, fromMs, toMs };
}
