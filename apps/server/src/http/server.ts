// One HTTP server for everything, routed by path: GET /healthz, tRPC over HTTP at /trpc, tRPC over
// WebSocket at /trpc-ws (upgrade), the built web app for the rest. Further WebSocket endpoints
// (the IEC 61850 /rti/<accessPoint> endpoint) register through `upgradeRoutes`.
import http, { type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { WebSocketServer } from 'ws';
import type { AppDeps } from '../trpc/context.js';
import { createContext } from '../trpc/context.js';
import { appRouter } from '../trpc/app-router.js';
import { httpSessionCookies } from '../features/auth/session-cookie.js';
import { createStaticHandler } from './static-files.js';

export type UpgradeRoute = (req: IncomingMessage, socket: Duplex, head: Buffer, pathname: string) => boolean;

export interface HttpServerOptions {
  deps: AppDeps;
  webDist: string;
  upgradeRoutes?: UpgradeRoute[];
  health?: () => Promise<Record<string, unknown>>;
}

export function createHttpServer(opts: HttpServerOptions) {
  const { deps } = opts;
  const trpcHttp = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: ({ req, res }) => createContext(deps, req, httpSessionCookies(res, deps.auth.secureCookies)),
    maxBodySize: 1_000_000,
  });
  const serveStatic = createStaticHandler(opts.webDist);

  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/healthz') {
      void (opts.health?.() ?? Promise.resolve({}))
        .then((extra) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 'ok', ...extra })))
        .catch((err: unknown) => {
          deps.log.error({ err }, 'health check failed');
          res.writeHead(503, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 'unavailable' }));
        });
      return;
    }
    if (pathname.startsWith('/trpc/')) {
      trpcHttp(req, res);
      return;
    }
    serveStatic(req, res, pathname);
  });

  const trpcWss = new WebSocketServer({ noServer: true, maxPayload: 1_000_000 });
  const wsHandler = applyWSSHandler({
    wss: trpcWss,
    router: appRouter,
    createContext: ({ req }) => createContext(deps, req, null),
    keepAlive: { enabled: true, pingMs: 15_000, pongWaitMs: 10_000 },
  });

  server.on('upgrade', (req, socket, head) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    socket.on('error', (err) => deps.log.debug({ err }, 'upgrade socket error'));
    if (pathname === '/trpc-ws') {
      trpcWss.handleUpgrade(req, socket, head, (ws) => trpcWss.emit('connection', ws, req));
      return;
    }
    for (const route of opts.upgradeRoutes ?? []) if (route(req, socket, head, pathname)) return;
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });

  return {
    server,
    async close(): Promise<void> {
      wsHandler.broadcastReconnectNotification();
      for (const client of trpcWss.clients) client.terminate();
      trpcWss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
