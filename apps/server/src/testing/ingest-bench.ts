// Sustained ingest for a fleet of N charge points dialling in over real WebSockets on 127.0.0.1,
// each reporting measurements (dchg) and EVSE status (BRCB); prints reports/s, values/s, writer
// batches, report → live bus latency, and — in the same run — the database's raw insert rate
// (the driver's own prepared/multi-row insert in one transaction) and the writer's path.
// The devices run in a worker thread (another core); on a 2-core machine they still compete with
// the server for CPU, so the figures are a floor.
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import pg from 'pg';
import Database from 'better-sqlite3';
import { BatchWriter } from '../ingest/batch-writer.js';
import type { SampleRow } from '../ingest/report-mapper.js';
import { sqliteFileFromUrl, type DbProvider } from '../db/client.js';
import { hashDeviceToken } from '../rti/device-auth.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';
import { startTestServer } from './test-server.js';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../env.js';
import { until } from './wait.js';

export interface BenchOptions {
  fleet: number;
  seconds: number;
  provider: DbProvider;
  /** value updates per device per second (each is one URCB report) */
  ratePerDevice: number;
}

async function addBenchFleet(t: TestDatabase, n: number): Promise<Record<string, string>> {
  const cp = await t.db.gridNode.findFirst({ where: { kind: 'connectionPoint' }, select: { id: true } });
  const tokens: Record<string, string> = {};
  for (let i = 1; i <= n; i++) {
    const id = `BENCH-${String(i).padStart(4, '0')}`;
    tokens[id] = `bench_${id}_${Math.random().toString(36).slice(2)}`;
    await t.db.accessPoint.create({ data: { id, kind: 'chargePoint', organisationId: 'cpo-voltcharge' } });
    await t.db.chargePoint.create({
      data: { id, cpoId: 'cpo-voltcharge', architecture: 'public', accessPointId: id, logicalDevice: id, connectionPointId: cp?.id ?? null, maxImportW: 22_000, registration: 'approved' },
    });
    await t.db.deviceCredential.create({ data: { label: id, tokenHash: hashDeviceToken(tokens[id]), organisationId: 'cpo-voltcharge', accessPoints: { create: [{ accessPointId: id }] } } });
  }
  return tokens;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

function synthetic(n: number): SampleRow[] {
  const t0 = Date.now();
  return Array.from({ length: n }, (_v, i) => ({
    chargePointId: `RAW-${i % 100}`,
    evseNo: 0,
    measurand: 'activePowerW',
    kind: 'measurement' as const,
    value: i,
    deviceTimeMs: t0 + i,
    receivedAtMs: t0 + i,
    validity: 0,
    qualityFlags: 0,
    timeQuality: 0,
    late: 0 as const,
  }));
}

/** The driver's own insert path, without Prisma: a prepared statement (SQLite) or multi-row INSERTs (PostgreSQL). */
async function driverInsertRate(t: TestDatabase, rows: SampleRow[]): Promise<number> {
  const cols = '"chargePointId","evseNo","measurand","value","deviceTimeMs","receivedAtMs","validity","qualityFlags","timeQuality","late"';
  const vals = (r: SampleRow) => [r.chargePointId, r.evseNo, r.measurand, r.value, r.deviceTimeMs, r.receivedAtMs, r.validity, r.qualityFlags, r.timeQuality, r.late];
  if (t.provider === 'sqlite') {
    const db = new Database(sqliteFileFromUrl(t.url));
    const stmt = db.prepare(`INSERT INTO "Sample" (${cols}) VALUES (?,?,?,?,?,?,?,?,?,?)`);
    const started = performance.now();
    db.transaction(() => {
      for (const r of rows) stmt.run(...vals(r));
    })();
    const ms = performance.now() - started;
    db.close();
    return rows.length / (ms / 1000);
  }
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  const started = performance.now();
  await client.query('BEGIN');
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const ph = chunk.map((_r, j) => `(${Array.from({ length: 10 }, (_v, k) => `$${j * 10 + k + 1}`).join(',')})`).join(',');
    await client.query(`INSERT INTO "Sample" (${cols}) VALUES ${ph}`, chunk.flatMap(vals));
  }
  await client.query('COMMIT');
  const ms = performance.now() - started;
  await client.end();
  return rows.length / (ms / 1000);
}

async function writerInsertRate(t: TestDatabase, rows: SampleRow[]): Promise<number> {
  const sqliteFile = t.provider === 'sqlite' ? t.location : undefined;
  const postgresUrl = t.provider === 'postgresql' ? t.url : undefined;
  const writer = new BatchWriter({ db: t.db, provider: t.provider, sqliteFile, postgresUrl, log: pino({ level: 'silent' }), maxBatchRows: 5_000, hardLimitRows: rows.length * 2 });
  const started = performance.now();
  for (let i = 0; i < rows.length; i += 10) writer.offer({ samples: rows.slice(i, i + 10), events: [] }, false);
  await writer.close();
  return rows.length / ((performance.now() - started) / 1000);
}

type WorkerMessage = { type: 'connected' } | { type: 'sent'; sent: Array<[number, number]> } | { type: 'done'; updates: number } | { type: 'error'; message: string };

export async function runIngestBench(o: BenchOptions): Promise<Record<string, number | string>> {
  const database = await createTestDatabase(o.provider);
  const tokens = await addBenchFleet(database, o.fleet);
  const server = await startTestServer({ database, maxReportsPerSPerLd: o.ratePerDevice * 4 });
  const live = server.deps.live;
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  // the worker's entry is a one-line dynamic import, so the .ts file goes through the tsx loader
  const entry = new URL('./bench-fleet-worker.ts', import.meta.url).href;
  const tsxApi = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/esm/api/index.mjs')).href;
  const worker = new Worker(`import(${JSON.stringify(tsxApi)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); })`, {
    eval: true,
    workerData: { wsUrl: server.wsUrl, tokens, ratePerDevice: o.ratePerDevice, seconds: o.seconds },
    // TypeScript in the worker: the tsx loader, and the workspace packages' source condition
    execArgv: ['--conditions=source'],
  });
  const messages = (type: WorkerMessage['type']) =>
    new Promise<WorkerMessage>((resolve, reject) => {
      const on = (m: WorkerMessage) => {
        if (m.type === 'error') reject(new Error(m.message));
        if (m.type === 'sent') for (const [v, t] of m.sent) sentAt.set(v, t);
        if (m.type === type) {
          worker.off('message', on);
          resolve(m);
        }
      };
      worker.on('message', on);
    });
  await messages('connected');
  await until(() => live.connections.connectedAccessPoints().length, (n) => n === o.fleet, 60_000);
  await until(() => database.db.rcbCursor.count(), (n) => n >= o.fleet * 2, 60_000);
  const pending = new Map<number, number>();
  live.bus.subscribe('samples', (rows) => {
    const t = performance.timeOrigin + performance.now();
    for (const r of rows) if (r.measurand === 'activePowerW' && r.evseNo === 0 && r.value % 10 === 0) pending.set(r.value, t);
  });
  const before = { ...live.metrics.total, rows: live.writer.stats.rows, batches: live.writer.stats.batches };
  const started = performance.now();
  worker.postMessage('go');
  const done = (await messages('done')) as { updates: number };
  await new Promise((r) => setTimeout(r, 1_000));
  await live.writer.flush();
  const seconds = (performance.now() - started) / 1000;
  for (const [v, t] of pending) {
    const t0 = sentAt.get(v);
    if (t0 !== undefined) latencies.push(t - t0);
  }
  const m = live.metrics.total;
  const result: Record<string, number | string> = {
    provider: o.provider,
    fleet: o.fleet,
    seconds: Number(seconds.toFixed(1)),
    offeredUpdatesPerS: Math.round(done.updates / o.seconds),
    reportsPerS: Math.round((m.reports - before.reports) / seconds),
    valuesPerS: Math.round((m.samples - before.samples) / seconds),
    rowsWrittenPerS: Math.round((live.writer.stats.rows - before.rows) / seconds),
    batches: live.writer.stats.batches - before.batches,
    lastBatchMs: Number(live.writer.stats.lastBatchMs.toFixed(1)),
    refused: live.writer.stats.refusedDroppable + live.writer.stats.refusedHard,
    droppedFlood: m.badInput.flood,
    liveLatencyP50Ms: Number(pct(latencies, 50).toFixed(1)),
    liveLatencyP99Ms: Number(pct(latencies, 99).toFixed(1)),
  };
  await worker.terminate();
  await server.close();
  result.writerPathRowsPerS = Math.round(await writerInsertRate(database, synthetic(100_000)));
  result.driverRawInsertRowsPerS = Math.round(await driverInsertRate(database, synthetic(100_000)));
  await database.destroy();
  return result;
}
