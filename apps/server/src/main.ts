// Composition root: env → logger → database (migrated by the start script) → seed → live runtime
// (bus, ingest, /rti device endpoint) → HTTP server. `startServer()` is the hook for scripts that
// start the server and then a simulated fleet against its port; run directly, it starts and
// stops on SIGINT/SIGTERM.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoFleetFile, EnvError, loadEnv, type Env } from './env.js';
import { createLogger } from './logger.js';
import { DatabaseError, openDatabase, tuneDatabase } from './db/client.js';
import { createHttpServer } from './http/server.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './seed/demo-seed.js';
import type { AppDeps } from './trpc/context.js';
import { deleteExpiredSessions } from './features/auth/auth.repository.js';
import { createLiveRuntime } from './live/runtime.js';

export interface RunningServer {
  port: number;
  url: string;
  /** The demo fleet file the simulator reads (written when the demo was seeded), if any. */
  fleetFile: string | null;
  close(): Promise<void>;
}

/** Starts everything; resolves once the HTTP server listens. */
export async function startServer(env: Env = loadEnv()): Promise<RunningServer> {
  const log = createLogger(env.LOG_LEVEL, env.LOG_PRETTY);
  const database = openDatabase(env.DATABASE_URL);
  const { db } = database;
  await db.$queryRawUnsafe('SELECT 1');
  await tuneDatabase(database);

  let fleetFile: string | null = null;
  if (env.SEED_DEMO) {
    const seed = await seedDemo(db);
    if (fs.existsSync(demoFleetFile(env.DATABASE_URL))) fleetFile = demoFleetFile(env.DATABASE_URL);
    if (seed.seeded) {
      // The simulator reads the demo fleet (with the device tokens, stored hashed in the database).
      fleetFile = demoFleetFile(env.DATABASE_URL);
      fs.mkdirSync(path.dirname(fleetFile), { recursive: true });
      fs.writeFileSync(fleetFile, JSON.stringify(seed.fleet, null, 2), { mode: 0o600 });
      log.info({ accessPoints: seed.fleet.accessPoints.length, fleetFile }, 'seeded the demo grid');
    }
  }

  const live = createLiveRuntime({
    db,
    provider: database.provider,
    sqliteFile: database.provider === 'sqlite' ? database.location : undefined,
    postgresUrl: database.provider === 'postgresql' ? env.DATABASE_URL : undefined,
    log,
    keepAlive: { intervalMs: env.RTI_KEEPALIVE_SECONDS * 1000, timeoutMs: env.RTI_KEEPALIVE_TIMEOUT_SECONDS * 1000 },
    maxReportsPerSPerLd: env.INGEST_MAX_REPORTS_PER_S_PER_LD,
    retention: { sampleDays: env.SAMPLE_RETENTION_DAYS, rollupDays: env.ROLLUP_RETENTION_DAYS, eventDays: env.EVENT_RETENTION_DAYS },
  });
  const deps: AppDeps = {
    db,
    log,
    live,
    provider: database.provider,
    auth: {
      sessionTtlMs: env.SESSION_TTL_HOURS * 3_600_000,
      sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
      secureCookies: env.TRUST_PROXY_TLS,
    },
  };
  const http = createHttpServer({
    deps,
    webDist: env.WEB_DIST,
    upgradeRoutes: [live.connections.upgradeRoute],
    health: () => Promise.resolve({ database: database.provider, devices: live.connections.connectedAccessPoints().length, ingest: live.metrics.total }),
  });
  await new Promise<void>((resolve, reject) => {
    http.server.once('error', reject);
    http.server.listen(env.PORT, env.HOST, resolve);
  });
  const address = http.server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${port}`;
  log.info({ url, database: database.location }, 'listening');

  const sweep = setInterval(() => {
    deleteExpiredSessions(db, new Date()).catch((err: unknown) => log.warn({ err }, 'session sweep failed'));
  }, 3_600_000);
  sweep.unref();

  const lines = [
    `Grid Console listening on ${url}`,
    `  database: ${database.provider} (${database.location})`,
    ...(env.SEED_DEMO ? [`  demo logins (password "${DEMO_PASSWORD}"):`, ...DEMO_USERS.map((u) => `    ${u.role.padEnd(8)} ${u.email}`)] : []),
  ];
  process.stdout.write(lines.join('\n') + '\n');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(sweep);
      await live.close();
      await http.close();
      await database.close();
    })());
  return { port, url, fleetFile, close };
}

async function main(): Promise<void> {
  const server = await startServer();
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`shutting down (${signal})\n`);
    void server
      .close()
      .catch((err: unknown) => process.stderr.write(`error during shutdown: ${String(err)}\n`))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

const isEntryPoint = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (isEntryPoint) main().catch((err: unknown) => {
  if (err instanceof EnvError || err instanceof DatabaseError) {
    process.stderr.write(`${err.message}\n`);
  } else if (err instanceof Error && 'code' in err && err.code === 'P2021') {
    process.stderr.write('The database has no tables yet: run `npm run db:migrate` first (`npm start` does it for you).\n');
  } else if (err instanceof Error && 'code' in err && (err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    process.stderr.write(`Port already in use: stop the other process or set PORT to a free port (${err.message}).\n`);
  } else {
    process.stderr.write(`Grid Console failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(1);
});
