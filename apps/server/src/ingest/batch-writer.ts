// The batched writer of the ingest hot path: a bounded queue of work items (samples, events and
// the EntryIDs they carry), flushed as raw multi-row SQL inside one transaction per batch.
// A BRCB EntryID counts as committed only when `onCommitted` runs, after the transaction commits.
// Back-pressure: above `highWaterRows` droppable items (URCB data, resent by the next integrity
// period) are refused; above `hardLimitRows` everything is refused — the caller then aborts the
// device's association so the device keeps its buffer and resumes from the last committed EntryID.
import type { Db, DbProvider } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { SampleRow } from './report-mapper.js';
import { rollupsOf } from './rollups.js';
import { SqliteIngestStore } from './sqlite-store.js';
import { PostgresIngestStore } from './postgres-store.js';
import { insertEvents, insertSamples, upsertCursors, upsertRollups, type CursorRow, type EventRow, type Statement } from './sql.js';

export interface WriteItem {
  samples: SampleRow[];
  /** Repeats of values already stored (same value and device time): published live, not written. */
  repeats?: SampleRow[];
  events: EventRow[];
  cursor?: CursorRow;
  onCommitted?: () => void;
  onFailed?: (err: unknown) => void;
}

export interface BatchWriterOptions {
  db: Db;
  provider: DbProvider;
  log: Logger;
  maxBatchRows?: number;
  flushDelayMs?: number;
  highWaterRows?: number;
  hardLimitRows?: number;
  /** SQLite: write through a dedicated driver connection to this file instead of Prisma. */
  sqliteFile?: string | undefined;
  /** PostgreSQL: write through the writer's own `pg` pool on this URL instead of Prisma. */
  postgresUrl?: string | undefined;
  /** After each committed batch (the live bus): the samples written plus the repeats. */
  onBatchCommitted?: (samples: SampleRow[], events: EventRow[]) => void;
}

export interface WriterStats {
  batches: number;
  rows: number;
  failedBatches: number;
  refusedDroppable: number;
  refusedHard: number;
  queuedRows: number;
  lastBatchMs: number;
}

export type OfferResult = 'queued' | 'refused';

const rowsOf = (i: WriteItem) => i.samples.length + i.events.length + 1;

export class BatchWriter {
  readonly stats: WriterStats = { batches: 0, rows: 0, failedBatches: 0, refusedDroppable: 0, refusedHard: 0, queuedRows: 0, lastBatchMs: 0 };
  private queue: WriteItem[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private closed = false;
  private readonly maxBatchRows: number;
  private readonly flushDelayMs: number;
  private readonly highWaterRows: number;
  private readonly hardLimitRows: number;
  private readonly sqlite: SqliteIngestStore | undefined;
  private readonly postgres: PostgresIngestStore | undefined;

  constructor(private readonly opts: BatchWriterOptions) {
    this.sqlite = opts.provider === 'sqlite' && opts.sqliteFile ? new SqliteIngestStore(opts.sqliteFile) : undefined;
    this.postgres = opts.provider === 'postgresql' && opts.postgresUrl ? new PostgresIngestStore(opts.postgresUrl) : undefined;
    this.maxBatchRows = opts.maxBatchRows ?? 5_000;
    this.flushDelayMs = opts.flushDelayMs ?? 20;
    this.highWaterRows = opts.highWaterRows ?? 50_000;
    this.hardLimitRows = opts.hardLimitRows ?? 200_000;
  }

  offer(item: WriteItem, droppable: boolean): OfferResult {
    const queued = this.stats.queuedRows;
    if (this.closed || queued >= this.hardLimitRows) {
      this.stats.refusedHard += 1;
      return 'refused';
    }
    if (droppable && queued >= this.highWaterRows) {
      this.stats.refusedDroppable += 1;
      return 'refused';
    }
    this.queue.push(item);
    this.stats.queuedRows += rowsOf(item);
    this.schedule();
    return 'queued';
  }

  /** Resolves when everything queued so far is written (or failed). */
  async flush(): Promise<void> {
    while (this.queue.length > 0 || this.running) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = undefined;
      }
      await (this.running ?? this.runOnce());
    }
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    this.sqlite?.close();
    await this.postgres?.close();
  }

  private schedule(): void {
    if (this.timer || this.running) return;
    const delay = this.stats.queuedRows >= this.maxBatchRows ? 0 : this.flushDelayMs;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runOnce();
    }, delay);
  }

  private runOnce(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.writeBatch()
      .catch((err: unknown) => this.opts.log.error({ err }, 'batch writer failed'))
      .finally(() => {
        this.running = undefined;
        if (this.queue.length > 0) this.schedule();
      });
    return this.running;
  }

  private take(): WriteItem[] {
    const batch: WriteItem[] = [];
    let rows = 0;
    while (this.queue.length > 0 && (batch.length === 0 || rows < this.maxBatchRows)) {
      const item = this.queue.shift() as WriteItem;
      rows += rowsOf(item);
      batch.push(item);
    }
    this.stats.queuedRows -= rows;
    return batch;
  }

  private rowsOf(batch: WriteItem[]) {
    const samples = batch.flatMap((i) => i.samples);
    const events = batch.flatMap((i) => i.events);
    const repeats = batch.flatMap((i) => i.repeats ?? []);
    const cursors = new Map<string, CursorRow>();
    for (const i of batch) if (i.cursor) cursors.set(`${i.cursor.accessPointId}/${i.cursor.logicalDevice}/${i.cursor.rcbName}`, i.cursor);
    return { samples, events, repeats, rollups: rollupsOf(samples), cursors: [...cursors.values()] };
  }

  /** One transaction: the SQLite driver connection, or raw multi-row statements through `pg` or Prisma. */
  private async commit(rows: ReturnType<BatchWriter['rowsOf']>): Promise<void> {
    if (this.sqlite) return this.sqlite.writeBatch(rows.samples, rows.events, rows.rollups, rows.cursors);
    const p = this.opts.provider;
    const statements: Statement[] = [
      ...insertSamples(p, rows.samples),
      ...insertEvents(p, rows.events),
      ...upsertRollups(p, rows.rollups),
      ...upsertCursors(p, rows.cursors),
    ];
    if (this.postgres) return this.postgres.writeBatch(statements);
    await this.opts.db.$transaction(async (tx) => {
      for (const s of statements) await tx.$executeRawUnsafe(s.sql, ...s.params);
    });
  }

  private async writeBatch(): Promise<void> {
    const batch = this.take();
    if (batch.length === 0) return;
    const rowSet = this.rowsOf(batch);
    const { samples, events, repeats } = rowSet;
    const rows = samples.length + events.length;
    const started = performance.now();
    try {
      await this.commit(rowSet);
    } catch (err) {
      this.stats.failedBatches += 1;
      this.opts.log.error({ err, items: batch.length, rows }, 'ingest batch not committed');
      for (const i of batch) i.onFailed?.(err);
      return;
    }
    this.stats.batches += 1;
    this.stats.rows += rows;
    this.stats.lastBatchMs = performance.now() - started;
    for (const i of batch) i.onCommitted?.();
    this.opts.onBatchCommitted?.(repeats.length > 0 ? samples.concat(repeats) : samples, events);
  }
}
