// Until the live views subscribe over the WebSocket, pages showing "now" values poll gently.
// Polling stops while the tab is hidden (TanStack Query's default) and for refused answers.
export const LIVE_POLL_MS = 5_000;

export const livePolling = {
  refetchInterval: (query: { state: { status: string } }) =>
    query.state.status === 'error' ? false : LIVE_POLL_MS,
} as const;
