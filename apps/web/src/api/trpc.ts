// tRPC client: subscriptions over one reconnecting WebSocket (/trpc-ws), everything else batched over HTTP
// (/trpc). Both are same-origin, so the session cookie travels with every call.
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from './app-router.js';
import { setLiveConnection } from './live-connection.js';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

function webSocketUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/trpc-ws`;
}

export function createApiClient() {
  const wsClient = createWSClient({
    url: webSocketUrl,
    // Connect only while a live view is subscribed; reconnect with back-off by itself.
    lazy: { enabled: true, closeMs: 10_000 },
    retryDelayMs: (attempt) => Math.min(500 * 2 ** attempt, 10_000),
    onOpen: () => setLiveConnection('open'),
    onClose: (cause) => setLiveConnection('closed', cause?.code),
  });
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: wsClient }),
        // fetch sends cookies same-origin by default, which is exactly what the session needs.
        false: httpBatchLink({ url: '/trpc' }),
      }),
    ],
  });
}
