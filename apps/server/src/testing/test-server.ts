// A whole server for integration tests (and the simulator's tests): a fresh migrated + seeded
// database, the live runtime (ingest, /rti endpoint) and the HTTP server on 127.0.0.1:<random>.
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createHttpServer } from '../http/server.js';
import { createLiveRuntime, type LiveRuntimeOptions } from '../live/runtime.js';
import type { DbProvider } from '../db/client.js';
import type { AppDeps } from '../trpc/context.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

export interface TestServer {
  port: number;
  /** ws://127.0.0.1:<port> (append /rti/<accessPoint>) */
  wsUrl: string;
  httpUrl: string;
  database: TestDatabase;
  deps: AppDeps & { live: NonNullable<AppDeps['live']> };
  close(): Promise<void>;
}

export type TestServerOptions = Partial<Omit<LiveRuntimeOptions, 'db' | 'provider' | 'log'>> & { provider?: DbProvider; database?: TestDatabase; logLevel?: string };

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const { provider = 'sqlite', database: given, logLevel, ...liveOpts } = opts;
  const database = given ?? (await createTestDatabase(provider));
  const log = pino({ level: logLevel ?? process.env.TEST_LOG_LEVEL ?? 'silent' });
  const sqliteFile = database.provider === 'sqlite' ? database.location : undefined;
  const postgresUrl = database.provider === 'postgresql' ? database.url : undefined;
  const live = createLiveRuntime({ db: database.db, provider: database.provider, sqliteFile, postgresUrl, log, keepAlive: { intervalMs: 1_000, timeoutMs: 3_000 }, ...liveOpts });
  const deps = {
    db: database.db,
    log,
    live,
    provider: database.provider,
    ...(liveOpts.now ? { now: liveOpts.now } : {}),
    auth: { sessionTtlMs: 3_600_000, sessionIdleMs: 3_600_000, secureCookies: false },
  };
  const http = createHttpServer({ deps, webDist: '/nonexistent', upgradeRoutes: [live.connections.upgradeRoute] });
  await new Promise<void>((resolve) => http.server.listen(0, '127.0.0.1', resolve));
  const port = (http.server.address() as AddressInfo).port;
  return {
    port,
    wsUrl: `ws://127.0.0.1:${port}`,
    httpUrl: `http://127.0.0.1:${port}`,
    database,
    deps,
    async close() {
      await live.close();
      await http.close();
      if (!given) await database.destroy();
    },
  };
}
