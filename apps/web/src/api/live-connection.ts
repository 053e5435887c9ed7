// State of the live WebSocket, for the "connection lost" banner. A close before the first open
// (e.g. lazy mode idling) is not a loss; a close after an open is, until the next open.
import { useSyncExternalStore } from 'react';

export type LiveConnectionState = 'idle' | 'open' | 'lost';

let state: LiveConnectionState = 'idle';
const listeners = new Set<() => void>();

export function setLiveConnection(event: 'open' | 'closed'): void {
  const next: LiveConnectionState = event === 'open' ? 'open' : state === 'open' ? 'lost' : state;
  if (next === state) return;
  state = next;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLiveConnection(): LiveConnectionState {
  return useSyncExternalStore(subscribe, () => state);
}
