// Subscribes to `metering.onLive` for what is on screen. The WebSocket client reconnects by itself
// and re-subscribes; the server then sends the current state first, so the views resume without a
// reload. Messages fold into a LiveState; `onMessage` sees every message (for charts); tRPC keeps
// the latest options, so a new `onMessage` does not re-subscribe.
import { useEffect, useMemo, useState } from 'react';
import { useSubscription } from '@trpc/tanstack-react-query';
import { retainLiveView } from '../api/live-connection.js';
import { useTRPC } from '../api/trpc.js';
import { applyLiveMessage, EMPTY_LIVE, type LiveMessage, type LiveState } from './live-store.js';

export interface LiveFeedInput {
  chargePointIds: readonly string[];
  gridNodeIds?: readonly string[];
  minIntervalMs?: number;
}

/** tracked() messages arrive as `{ id, data }`; plain ones as the message itself. */
export function unwrapTracked(envelope: unknown): LiveMessage {
  if (typeof envelope === 'object' && envelope !== null && 'data' in envelope && 'id' in envelope) {
    return (envelope as { data: LiveMessage }).data;
  }
  return envelope as LiveMessage;
}

const MAX_CHARGE_POINTS = 500;
const MAX_NODES = 100;

export function useLiveFeed(input: LiveFeedInput, onMessage?: (message: LiveMessage) => void) {
  const trpc = useTRPC();
  const [live, setLive] = useState<LiveState>(EMPTY_LIVE);
  const cpKey = input.chargePointIds.slice(0, MAX_CHARGE_POINTS).join(',');
  const nodeKey = (input.gridNodeIds ?? []).slice(0, MAX_NODES).join(',');
  const args = useMemo(
    () => ({
      chargePointIds: cpKey ? cpKey.split(',') : [],
      gridNodeIds: nodeKey ? nodeKey.split(',') : [],
      minIntervalMs: input.minIntervalMs ?? 1_000,
    }),
    [cpKey, nodeKey, input.minIntervalMs],
  );
  const enabled = args.chargePointIds.length > 0 || args.gridNodeIds.length > 0;
  useEffect(() => (enabled ? retainLiveView() : undefined), [enabled]);
  const subscription = useSubscription(
    trpc.metering.onLive.subscriptionOptions(args, {
      enabled,
      onData: (envelope: unknown) => {
        const message = unwrapTracked(envelope);
        setLive((prev) => applyLiveMessage(prev, message));
        onMessage?.(message);
      },
    }),
  );
  return { live, status: subscription.status, error: subscription.error };
}

/** The current time, ticking every `everyMs` (for "stale" and "x s ago"). */
export function useNow(everyMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
