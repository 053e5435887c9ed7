// State of the live WebSocket, for the "connection lost" banner. A close after an open is a loss
// while a live view is on screen, until the next open. Not a loss: a close before the first open,
// the client's own idle close (lazy mode: code 1000/1005), or a drop while no live view is shown
// (the client reconnects when the next live view subscribes).
import { useSyncExternalStore } from 'react';

export type LiveConnectionState = 'idle' | 'open' | 'lost';

let state: LiveConnectionState = 'idle';
let liveViews = 0;
const listeners = new Set<() => void>();

function set(next: LiveConnectionState): void {
  if (next === state) return;
  state = next;
  listeners.forEach((listener) => listener());
}

const CLIENT_CLOSE_CODES = new Set([1000, 1005]);

export function setLiveConnection(event: 'open' | 'closed', code?: number): void {
  if (event === 'open') return set('open');
  if (code !== undefined && CLIENT_CLOSE_CODES.has(code)) return set(state === 'open' ? 'idle' : state);
  if (state === 'open') set(liveViews > 0 ? 'lost' : 'idle');
}

/** A live view is on screen (call on mount; the returned function on unmount). */
export function retainLiveView(): () => void {
  liveViews += 1;
  return () => {
    liveViews -= 1;
    if (liveViews === 0 && state === 'lost') set('idle');
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLiveConnection(): LiveConnectionState {
  return useSyncExternalStore(subscribe, () => state);
}

/** For tests: back to the initial state. */
export function resetLiveConnection(): void {
  state = 'idle';
  liveViews = 0;
}

export const liveConnectionState = (): LiveConnectionState => state;
