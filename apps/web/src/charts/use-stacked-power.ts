// Collects the stacked power series of some charge points from the live feed's messages.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { LiveMessage } from '../live/live-store.js';
import { appendStackPoint, topSeries, type StackPoint } from './series-buffer.js';

export function useStackedPower(chargePointIds: readonly string[]) {
  const ids = useMemo(() => new Set(chargePointIds), [chargePointIds]);
  const latest = useRef(new Map<string, number>());
  const pointsRef = useRef<StackPoint[]>([]);
  const [points, setPoints] = useState<readonly StackPoint[]>([]);
  const [series, setSeries] = useState<readonly string[]>([]);
  const onMessage = useCallback(
    (msg: LiveMessage) => {
      pointsRef.current = appendStackPoint(latest.current, pointsRef.current, msg, ids);
      setPoints(pointsRef.current);
      setSeries((prev) => {
        const next = topSeries(latest.current);
        return next.join() === prev.join() ? prev : next;
      });
    },
    [ids],
  );
  return { points, series, onMessage };
}
