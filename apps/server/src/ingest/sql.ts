// The raw SQL of the ingest hot path, for both providers. Multi-row INSERTs with positional
// parameters (SQLite `?`, PostgreSQL `$n`), chunked under each driver's parameter limit.
import type { DbProvider } from '../db/client.js';
import type { SampleRow } from './report-mapper.js';

export interface EventRow {
  kind: string;
  chargePointId: string | null;
  accessPointId: string | null;
  evseNo: number | null;
  message: string;
  details: Record<string, unknown>;
  atMs: number;
  receivedAtMs: number;
}

export interface RollupRow {
  chargePointId: string;
  evseNo: number;
  measurand: string;
  resolutionS: number;
  bucketStartMs: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

export interface CursorRow {
  accessPointId: string;
  logicalDevice: string;
  rcbName: string;
  entryId: string;
  updatedAtMs: number;
}

export interface Statement {
  sql: string;
  params: unknown[];
}

const MAX_PARAMS = 30_000; // SQLite allows 32 766, PostgreSQL 65 535

function placeholders(provider: DbProvider, rows: number, cols: number): string {
  const out: string[] = [];
  let n = 1;
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < cols; c++) cells.push(provider === 'sqlite' ? '?' : `$${n++}`);
    out.push(`(${cells.join(',')})`);
  }
  return out.join(',');
}

function chunked<T>(provider: DbProvider, head: string, tail: string, cols: readonly string[], rows: T[], values: (r: T) => unknown[]): Statement[] {
  const per = Math.max(1, Math.floor(MAX_PARAMS / cols.length));
  const out: Statement[] = [];
  const columnList = cols.map((c) => `"${c}"`).join(',');
  for (let i = 0; i < rows.length; i += per) {
    const slice = rows.slice(i, i + per);
    out.push({ sql: `${head} (${columnList}) VALUES ${placeholders(provider, slice.length, cols.length)}${tail}`, params: slice.flatMap(values) });
  }
  return out;
}

const SAMPLE_COLS = ['chargePointId', 'evseNo', 'measurand', 'value', 'deviceTimeMs', 'receivedAtMs', 'validity', 'qualityFlags', 'timeQuality', 'late'] as const;

export const insertSamples = (p: DbProvider, rows: SampleRow[]) =>
  chunked(p, 'INSERT INTO "Sample"', '', SAMPLE_COLS, rows, (r) => [
    r.chargePointId,
    r.evseNo,
    r.measurand,
    r.value,
    r.deviceTimeMs,
    r.receivedAtMs,
    r.validity,
    r.qualityFlags,
    r.timeQuality,
    r.late,
  ]);

const EVENT_COLS = ['kind', 'chargePointId', 'accessPointId', 'evseNo', 'message', 'details', 'atMs', 'receivedAtMs'] as const;

export const insertEvents = (p: DbProvider, rows: EventRow[]) =>
  chunked(p, 'INSERT INTO "Event"', '', EVENT_COLS, rows, (r) => [
    r.kind,
    r.chargePointId,
    r.accessPointId,
    r.evseNo,
    r.message,
    JSON.stringify(r.details),
    r.atMs,
    r.receivedAtMs,
  ]);

const ROLLUP_COLS = ['chargePointId', 'evseNo', 'measurand', 'resolutionS', 'bucketStartMs', 'count', 'sum', 'min', 'max'] as const;

export function upsertRollups(p: DbProvider, rows: RollupRow[]): Statement[] {
  const least = p === 'sqlite' ? 'MIN' : 'LEAST';
  const greatest = p === 'sqlite' ? 'MAX' : 'GREATEST';
  const t = '"SampleRollup"';
  const tail =
    ` ON CONFLICT ("chargePointId","evseNo","measurand","resolutionS","bucketStartMs") DO UPDATE SET` +
    ` "count" = ${t}."count" + excluded."count", "sum" = ${t}."sum" + excluded."sum",` +
    ` "min" = ${least}(${t}."min", excluded."min"), "max" = ${greatest}(${t}."max", excluded."max")`;
  return chunked(p, `INSERT INTO ${t}`, tail, ROLLUP_COLS, rows, (r) => [
    r.chargePointId,
    r.evseNo,
    r.measurand,
    r.resolutionS,
    r.bucketStartMs,
    r.count,
    r.sum,
    r.min,
    r.max,
  ]);
}

const CURSOR_COLS = ['accessPointId', 'logicalDevice', 'rcbName', 'entryId', 'updatedAtMs'] as const;

export const upsertCursors = (p: DbProvider, rows: CursorRow[]) =>
  chunked(
    p,
    'INSERT INTO "RcbCursor"',
    ' ON CONFLICT ("accessPointId","logicalDevice","rcbName") DO UPDATE SET "entryId" = excluded."entryId", "updatedAtMs" = excluded."updatedAtMs"',
    CURSOR_COLS,
    rows,
    (r) => [r.accessPointId, r.logicalDevice, r.rcbName, r.entryId, r.updatedAtMs],
  );
