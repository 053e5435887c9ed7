// The only reader of process.env. Every setting is validated at start; a bad value stops the
// process with one line per problem that says what to change.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const bool = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'], {
    error: 'must be true/false (or on/off, 1/0)',
  })
  .transform((v) => ['true', '1', 'on', 'yes'].includes(v));

const envSchema = z.object({
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .default('file:./data/grid-console.db')
    .refine((v) => v.startsWith('file:') || /^postgres(ql)?:\/\//.test(v), {
      message: 'must be file:<path> (SQLite) or postgres://user:pass@host:port/db (PostgreSQL)',
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.optional(),
  SESSION_TTL_HOURS: z.coerce.number({ error: 'must be a number of hours' }).positive().max(24 * 30).default(12),
  SESSION_IDLE_MINUTES: z.coerce.number({ error: 'must be a number of minutes' }).positive().default(120),
  TRUST_PROXY_TLS: bool.default(false),
  SEED_DEMO: bool.default(true),
  WEB_DIST: z.string().default(path.join(repoRoot, 'apps/web/dist')),
  /** Device links (/rti): WebSocket ping period and how long without pong counts as lost. */
  RTI_KEEPALIVE_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).positive().default(10),
  RTI_KEEPALIVE_TIMEOUT_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).positive().default(20),
  /** Flood protection: unbuffered reports accepted per second per logical device. */
  INGEST_MAX_REPORTS_PER_S_PER_LD: z.coerce.number({ error: 'must be a number' }).positive().default(50),
  /** Retention (days) of raw samples, 1/15-minute rollups and events. */
  SAMPLE_RETENTION_DAYS: z.coerce.number({ error: 'must be a number of days' }).positive().default(30),
  ROLLUP_RETENTION_DAYS: z.coerce.number({ error: 'must be a number of days' }).positive().default(730),
  EVENT_RETENTION_DAYS: z.coerce.number({ error: 'must be a number of days' }).positive().default(365),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parses an environment (process.env by default); throws EnvError with one line per problem. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const relevant = Object.fromEntries(
    Object.keys(envSchema.shape).flatMap((k) => (source[k] === undefined || source[k] === '' ? [] : [[k, source[k]]])),
  );
  const parsed = envSchema.safeParse(relevant);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got "${String(relevant[String(i.path[0])])}")`);
  throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`);
}

/**
 * Where the demo fleet file (device tokens for the simulator) lives: next to the SQLite file, or
 * under data/ for PostgreSQL.
 */
export function demoFleetFile(databaseUrl: string): string {
  const dir = databaseUrl.startsWith('file:')
    ? path.dirname(path.resolve(repoRoot, databaseUrl.slice('file:'.length).split('?')[0] ?? ''))
    : path.join(repoRoot, 'data');
  return path.join(dir, 'demo-fleet.json');
}
