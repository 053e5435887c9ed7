// The device side of the server in one object: live bus → batch writer → ingest → state store →
// device connections (/rti endpoint). main.ts and the tests build it the same way.
import type { Db, DbProvider } from '../db/client.js';
import type { Logger } from '../logger.js';
import { BatchWriter } from '../ingest/batch-writer.js';
import { IngestService, DEFAULT_INGEST_SETTINGS, type IngestSettings } from '../ingest/ingest-service.js';
import { IngestMetrics } from '../ingest/metrics.js';
import { applyRetention, type RetentionSettings } from '../ingest/retention.js';
import { DeviceConnections } from '../rti/device-connections.js';
import { LiveBus } from './bus.js';
import { StateStore } from './state-store.js';

export interface LiveRuntimeOptions {
  db: Db;
  provider: DbProvider;
  /** SQLite: the database file, for the writer's own driver connection (faster hot path). */
  sqliteFile?: string | undefined;
  /** PostgreSQL: the database URL, for the writer's own `pg` pool (faster hot path). */
  postgresUrl?: string | undefined;
  log: Logger;
  now?: () => Date;
  keepAlive?: { intervalMs: number; timeoutMs: number };
  maxReportsPerSPerLd?: number;
  ingest?: Partial<IngestSettings>;
  retention?: RetentionSettings;
  writer?: { maxBatchRows?: number; flushDelayMs?: number; highWaterRows?: number; hardLimitRows?: number };
}

export type LiveRuntime = ReturnType<typeof createLiveRuntime>;

export function createLiveRuntime(opts: LiveRuntimeOptions) {
  const now = opts.now ?? (() => new Date());
  const log = opts.log;
  const bus = new LiveBus((err) => log.error({ err }, 'live bus handler failed'));
  const metrics = new IngestMetrics();
  const writer = new BatchWriter({
    db: opts.db,
    provider: opts.provider,
    sqliteFile: opts.sqliteFile,
    postgresUrl: opts.postgresUrl,
    log,
    ...opts.writer,
    onBatchCommitted: (samples, events) => {
      if (samples.length > 0) bus.publish('samples', samples);
      if (events.length > 0) bus.publish('events', events);
    },
  });
  const ingest = new IngestService({ writer, metrics, log, now: () => now().getTime(), settings: { ...DEFAULT_INGEST_SETTINGS, ...opts.ingest } });
  const state = new StateStore(bus);
  const connections = new DeviceConnections({
    db: opts.db,
    log,
    bus,
    ingest,
    writer,
    now,
    maxReportsPerSPerLd: opts.maxReportsPerSPerLd ?? 50,
    provider: opts.provider,
    keepAlive: opts.keepAlive ?? { intervalMs: 10_000, timeoutMs: 20_000 },
  });
  // association up/down are stored as events too
  bus.subscribe('association', (a) => {
    const message = a.state === 'up' ? `Association up (${a.logicalDevices.length} charge points)` : `Association down (${a.reason ?? 'unknown'})`;
    writer.offer(
      {
        samples: [],
        events: [{ kind: a.state === 'up' ? 'associationUp' : 'associationDown', chargePointId: null, accessPointId: a.accessPointId, evseNo: null, message, details: { chargePoints: a.logicalDevices, reason: a.reason }, atMs: a.atMs, receivedAtMs: a.atMs }],
      },
      false,
    );
  });
  let sweep: NodeJS.Timeout | undefined;
  if (opts.retention) {
    const settings = opts.retention;
    sweep = setInterval(() => {
      applyRetention(opts.db, settings, now().getTime()).catch((err: unknown) => log.warn({ err }, 'retention sweep failed'));
    }, 3_600_000);
    sweep.unref();
  }
  return {
    bus,
    metrics,
    writer,
    ingest,
    state,
    connections,
    now,
    async close(): Promise<void> {
      if (sweep) clearInterval(sweep);
      await connections.close();
      await writer.close();
      state.close();
    },
  };
}
