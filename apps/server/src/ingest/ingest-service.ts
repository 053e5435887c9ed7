// The ingest pipeline for one report: check it came from an RCB we enabled, for the data set we
// expect; drop duplicates (an EntryID already committed or in flight); record bufOvfl as a gap and
// ask for a GI; map it through the profile; derive events (EVSE status, setpoints with their
// SptReas source, function states); hand it to the batch writer with its EntryID, which counts as
// committed only after the write commits. Bad input is counted and logged with the device id.
import { millisFromTimeStamp, type ClientReport } from '@dso/iec61850';
import type { Logger } from '../logger.js';
import type { BatchWriter } from './batch-writer.js';
import type { IngestMetrics } from './metrics.js';
import { mapReport, type Problem, type SampleRow } from './report-mapper.js';
import type { EventRow } from './sql.js';
import { EVSE_STATUS, LIMIT_SOURCES } from './profile.js';
import { VALIDITY } from './quality.js';
import { entryIdHex, type EnabledRcb } from '../rti/report-setup.js';

export interface ReportSource {
  accessPointId: string;
  /** When this association came up: buffered entries from before it are back-filled (late). */
  associationUpMs: number;
  chargePointOf(ld: string): string | undefined;
  /** units.multiplier read at discovery (power of ten) of a data object, if not 0 */
  multiplierOf(ld: string, object: string): number | undefined;
  rcb(rcbRef: string): EnabledRcb | undefined;
  requestGi(rcb: EnabledRcb): void;
  /** The device's model changed (ConfRev): rediscover this LD. */
  rediscover(ld: string): void;
  /** Give up on this association (the device resumes from the last committed EntryID). */
  abort(reason: string): void;
  /** Flood protection: false when the device exceeds its report rate. */
  takeToken(): boolean;
}

export interface IngestSettings {
  lateAfterMs: number;
  maxFutureMs: number;
}

export const DEFAULT_INGEST_SETTINGS: IngestSettings = { lateAfterMs: 10_000, maxFutureMs: 60_000 };

interface CursorState {
  committed: string | undefined;
  seen: Set<string>;
}

const SEEN_LIMIT = 4096;
const PROBLEM_LOG_INTERVAL_MS = 60_000;

export class IngestService {
  private readonly cursors = new Map<string, CursorState>();
  private readonly lastValues = new Map<string, number>();
  private readonly lastValidity = new Map<string, number>();
  private readonly problemLog = new Map<string, { atMs: number; suppressed: number }>();
  /** value + device time last stored per `${cp}/${evse}/${measurand}`: identical repeats (GI, integrity) are not stored twice */
  private readonly lastStored = new Map<string, { value: number; deviceTimeMs: number }>();

  constructor(
    private readonly deps: { writer: BatchWriter; metrics: IngestMetrics; log: Logger; now: () => number; settings?: IngestSettings },
  ) {}

  private cursor(ap: string, rcbRef: string): CursorState {
    const key = `${ap}/${rcbRef}`;
    let c = this.cursors.get(key);
    if (!c) this.cursors.set(key, (c = { committed: undefined, seen: new Set() }));
    return c;
  }

  /** The last committed EntryID known to this process (the database has the durable copy). */
  committedEntryId(ap: string, rcbRef: string): string | undefined {
    return this.cursors.get(`${ap}/${rcbRef}`)?.committed;
  }

  /** What the database holds as the latest value per key (after a restart). */
  primeLatest(rows: Array<{ chargePointId: string; evseNo: number; measurand: string; value: number; deviceTimeMs: number }>): void {
    for (const r of rows) {
      const key = `${r.chargePointId}/${r.evseNo}/${r.measurand}`;
      if (!this.lastStored.has(key)) this.lastStored.set(key, { value: r.value, deviceTimeMs: r.deviceTimeMs });
      if (!this.lastValues.has(key)) this.lastValues.set(key, r.value);
    }
  }

  private isRepeat(s: SampleRow): boolean {
    const key = `${s.chargePointId}/${s.evseNo}/${s.measurand}`;
    const last = this.lastStored.get(key);
    if (last && last.value === s.value && last.deviceTimeMs === s.deviceTimeMs) return true;
    this.lastStored.set(key, { value: s.value, deviceTimeMs: s.deviceTimeMs });
    return false;
  }

  primeCursor(ap: string, rcbRef: string, entryId: string): void {
    const c = this.cursor(ap, rcbRef);
    c.committed = entryId;
    c.seen.add(entryId);
  }

  handle(src: ReportSource, report: ClientReport): void {
    const ap = src.accessPointId;
    const { metrics, log } = this.deps;
    metrics.count(ap, (c) => (c.reports += 1));
    const rcb = src.rcb(report.rcbRef);
    if (!rcb) return this.reject(src, report, 'unexpectedReport');
    if (report.dataSet !== undefined && report.dataSet !== rcb.dataSetRef) return this.reject(src, report, 'unknownDataSet');
    if (report.confRev !== undefined && report.confRev !== rcb.confRev) {
      log.warn({ accessPoint: ap, rcb: rcb.rcbRef, confRev: report.confRev, expected: rcb.confRev }, 'ConfRev changed: rediscovering');
      src.rediscover(rcb.ld);
      return;
    }
    const entryId = rcb.buffered && report.entryID ? entryIdHex(report.entryID) : undefined;
    if (!rcb.buffered && !src.takeToken()) return this.reject(src, report, 'flood');
    if (entryId !== undefined) {
      const c = this.cursor(ap, rcb.rcbRef);
      if (c.seen.has(entryId)) return this.reject(src, report, 'duplicateEntry');
      c.seen.add(entryId);
      if (c.seen.size > SEEN_LIMIT) c.seen.delete(c.seen.values().next().value as string);
    }
    this.ingest(src, rcb, report, entryId);
  }

  private reject(src: ReportSource, report: ClientReport, kind: 'unexpectedReport' | 'unknownDataSet' | 'flood' | 'duplicateEntry'): void {
    this.deps.metrics.bad(src.accessPointId, kind);
    const level = kind === 'duplicateEntry' || kind === 'flood' ? 'debug' : 'warn';
    this.deps.log[level]({ accessPoint: src.accessPointId, rcb: report.rcbRef, dataSet: report.dataSet, sqNum: report.sqNum }, `report dropped: ${kind}`);
  }

  private ingest(src: ReportSource, rcb: EnabledRcb, report: ClientReport, entryId: string | undefined): void {
    const ap = src.accessPointId;
    const receivedAtMs = this.deps.now();
    const settings = this.deps.settings ?? DEFAULT_INGEST_SETTINGS;
    const entryMs = report.timeOfEntry && report.timeOfEntry.secondSinceEpoch > 0 ? Math.round(millisFromTimeStamp(report.timeOfEntry)) : receivedAtMs;
    const backFilled = rcb.buffered && entryMs < src.associationUpMs && report.entries.every((e) => !e.reason.generalInterrogation);
    const mapped = mapReport(report, { chargePointOf: (ld) => src.chargePointOf(ld), multiplierOf: (ld, o) => src.multiplierOf(ld, o), receivedAtMs, backFilled, ...settings });
    const { problems } = mapped;
    if (problems.length > 0) this.countProblems(ap, problems);
    const repeats = mapped.samples.filter((x) => this.isRepeat(x));
    const samples = repeats.length === 0 ? mapped.samples : mapped.samples.filter((x) => !repeats.includes(x));
    const events: EventRow[] = [];
    const chargePointId = src.chargePointOf(rcb.ld) ?? null;
    if (report.bufOvfl) {
      this.deps.metrics.count(ap, (c) => (c.gaps += 1));
      events.push(this.event('gap', chargePointId, ap, null, `Buffer overflow in ${rcb.rcbRef}: reports were lost`, { rcb: rcb.rcbRef, entryId }, entryMs, receivedAtMs));
      src.requestGi(rcb);
    }
    for (const s of samples) this.deriveEvent(s, samples, ap, events);
    this.deps.metrics.count(ap, (c) => (c.samples += samples.length));
    const cursor = entryId === undefined ? undefined : { accessPointId: ap, logicalDevice: rcb.ld, rcbName: rcb.rcbName, entryId, updatedAtMs: receivedAtMs };
    const result = this.deps.writer.offer(
      {
        samples,
        events,
        repeats,
        ...(cursor ? { cursor } : {}),
        onCommitted: () => {
          if (entryId === undefined) return;
          this.cursor(ap, rcb.rcbRef).committed = entryId;
          this.deps.metrics.count(ap, (c) => (c.committedEntries += 1));
        },
        onFailed: () => {
          if (entryId !== undefined) this.cursor(ap, rcb.rcbRef).seen.delete(entryId);
          for (const x of samples) this.lastStored.delete(`${x.chargePointId}/${x.evseNo}/${x.measurand}`);
          src.abort('database write failed');
        },
      },
      !rcb.buffered,
    );
    if (result === 'refused') {
      this.deps.metrics.bad(ap, 'overload');
      if (rcb.buffered) {
        if (entryId !== undefined) this.cursor(ap, rcb.rcbRef).seen.delete(entryId);
        src.abort('ingest queue full');
      }
    }
  }

  /**
   * Values read on request (use case 3.11) as a report without an RCB: mapped and stored like any
   * other; resolves with all mapped values (also those already stored) once the write committed.
   */
  ingestRead(src: ReportSource, report: ClientReport): Promise<SampleRow[]> {
    const receivedAtMs = this.deps.now();
    const mapped = mapReport(report, { chargePointOf: (ld) => src.chargePointOf(ld), multiplierOf: (ld, o) => src.multiplierOf(ld, o), receivedAtMs, backFilled: false, ...(this.deps.settings ?? DEFAULT_INGEST_SETTINGS) });
    if (mapped.problems.length > 0) this.countProblems(src.accessPointId, mapped.problems);
    const repeats = mapped.samples.filter((x) => this.isRepeat(x));
    const samples = mapped.samples.filter((x) => !repeats.includes(x));
    return new Promise((resolve, reject) => {
      const result = this.deps.writer.offer({ samples, repeats, events: [], onCommitted: () => resolve(mapped.samples), onFailed: reject }, false);
      if (result === 'refused') reject(new Error('ingest queue full'));
    });
  }

  /**
   * Every problem is counted in the access point's metrics; the log gets at most one line per
   * access point a minute (with how many were left out since), so a misbehaving device cannot
   * flood it.
   */
  private countProblems(ap: string, problems: Problem[]): void {
    for (const p of problems) this.deps.metrics.bad(ap, p.kind);
    const nowMs = this.deps.now();
    const last = this.problemLog.get(ap);
    if (last && nowMs - last.atMs < PROBLEM_LOG_INTERVAL_MS) {
      last.suppressed += problems.length;
      return;
    }
    this.problemLog.set(ap, { atMs: nowMs, suppressed: 0 });
    this.deps.log.warn(
      { accessPoint: ap, problems: problems.slice(0, 5), count: problems.length, notLoggedSinceLastLine: last?.suppressed ?? 0 },
      'bad values in a report (counted in the device metrics; logged at most once a minute per access point)',
    );
  }

  private event(kind: string, cp: string | null, ap: string, evseNo: number | null, message: string, details: Record<string, unknown>, atMs: number, receivedAtMs: number): EventRow {
    return { kind, chargePointId: cp, accessPointId: ap, evseNo, message, details, atMs, receivedAtMs };
  }

  /** A change of a value's validity (good ↔ questionable ↔ invalid) is an event. */
  private deriveQualityEvent(s: SampleRow, ap: string, events: EventRow[]): void {
    const key = `${s.chargePointId}/${s.evseNo}/${s.measurand}`;
    const previous = this.lastValidity.get(key) ?? VALIDITY.good;
    this.lastValidity.set(key, s.validity);
    if (previous === s.validity) return;
    const words = ['good', 'invalid', 'questionable'];
    const message = `${s.measurand}${s.evseNo ? ` (EVSE ${s.evseNo})` : ''}: quality ${words[previous] ?? previous} → ${words[s.validity] ?? s.validity}`;
    events.push(this.event('qualityChange', s.chargePointId, ap, s.evseNo === 0 ? null : s.evseNo, message, { measurand: s.measurand, validity: s.validity, previous, flags: s.qualityFlags }, s.deviceTimeMs, s.receivedAtMs));
  }

  /** Status, setpoint and function values that changed become events (with the SptReas source). */
  private deriveEvent(s: SampleRow, all: SampleRow[], ap: string, events: EventRow[]): void {
    this.deriveQualityEvent(s, ap, events);
    if (s.kind === 'measurement' || s.validity === VALIDITY.invalid) return;
    const key = `${s.chargePointId}/${s.evseNo}/${s.measurand}`;
    const previous = this.lastValues.get(key);
    this.lastValues.set(key, s.value);
    if (previous === s.value) return;
    const evseNo = s.evseNo === 0 ? null : s.evseNo;
    if (s.measurand === 'evseStatus') {
      const status = EVSE_STATUS[s.value] ?? `status ${s.value}`;
      events.push(this.event('evseStatus', s.chargePointId, ap, evseNo, `EVSE ${s.evseNo}: ${status}`, { status, code: s.value, previous, late: s.late === 1 }, s.deviceTimeMs, s.receivedAtMs));
    } else if (s.kind === 'setpoint') {
      const reason = all.find((x) => x.chargePointId === s.chargePointId && x.measurand === 'limitSource')?.value ?? this.lastValues.get(`${s.chargePointId}/0/limitSource`);
      const source = reason === undefined ? undefined : (LIMIT_SOURCES[reason] ?? String(reason));
      events.push(this.event('setpoint', s.chargePointId, ap, evseNo, `${s.measurand} = ${s.value}${source ? ` (source ${source})` : ''}`, { measurand: s.measurand, value: s.value, previous, source, late: s.late === 1 }, s.deviceTimeMs, s.receivedAtMs));
    } else {
      events.push(this.event(s.kind === 'function' ? 'functionState' : 'status', s.chargePointId, ap, evseNo, `${s.measurand} = ${s.value}`, { measurand: s.measurand, value: s.value, previous, late: s.late === 1 }, s.deviceTimeMs, s.receivedAtMs));
    }
  }
}
