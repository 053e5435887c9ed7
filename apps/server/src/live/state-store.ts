// The latest value per charge point / EVSE / measurand, association up/down and last-seen, fed by
// the live bus (committed data only). A lost association makes every last value of its charge
// points questionable (QF.linkLost) until fresh data arrives (DOMAIN.md §4 "Quality"). Staleness
// is computed when read: no data within the measurand's reporting period plus a margin.
import type { SampleRow } from '../ingest/report-mapper.js';
import { QF, VALIDITY } from '../ingest/quality.js';
import { PROFILE } from '../ingest/profile.js';
import type { LiveBus } from './bus.js';

export interface LatestValue {
  value: number;
  deviceTimeMs: number;
  receivedAtMs: number;
  validity: number;
  qualityFlags: number;
  timeQuality: number;
  late: boolean;
}

export interface ChargePointState {
  online: boolean;
  lastSeenMs: number | null;
  /** key `${evseNo}/${measurand}` */
  values: Map<string, LatestValue>;
}

const MEASURANDS = new Set([...PROFILE.values()].filter((e) => e.kind === 'measurement').map((e) => e.measurand));

/**
 * Reporting period + margin per measurand (ms): energy registers 60 s integrity (brcbEnergy),
 * other measurements 1 s integrity (urcbMeasurements); status and setpoints are event-driven and
 * only stale while the link is down.
 */
export function staleAfterMs(measurand: string): number | null {
  if (!MEASURANDS.has(measurand)) return null;
  return measurand.startsWith('energy') ? 60_000 + 30_000 : 1_000 + 9_000;
}

export class StateStore {
  private readonly cps = new Map<string, ChargePointState>();
  private readonly unsubscribe: Array<() => void>;

  constructor(bus: LiveBus) {
    this.unsubscribe = [
      bus.subscribe('samples', (rows) => this.apply(rows)),
      bus.subscribe('association', (a) => {
        for (const cp of a.logicalDevices) this.setOnline(cp, a.state === 'up', a.atMs);
      }),
    ];
  }

  close(): void {
    for (const u of this.unsubscribe) u();
  }

  private state(cp: string): ChargePointState {
    let s = this.cps.get(cp);
    if (!s) this.cps.set(cp, (s = { online: false, lastSeenMs: null, values: new Map() }));
    return s;
  }

  apply(rows: readonly SampleRow[]): void {
    for (const r of rows) {
      const s = this.state(r.chargePointId);
      s.online = true;
      s.lastSeenMs = Math.max(s.lastSeenMs ?? 0, r.receivedAtMs);
      const key = `${r.evseNo}/${r.measurand}`;
      const prev = s.values.get(key);
      if (prev && prev.deviceTimeMs > r.deviceTimeMs && (prev.qualityFlags & QF.linkLost) === 0) continue; // back-fill older than what we show
      s.values.set(key, {
        value: r.value,
        deviceTimeMs: r.deviceTimeMs,
        receivedAtMs: r.receivedAtMs,
        validity: r.validity,
        qualityFlags: r.qualityFlags,
        timeQuality: r.timeQuality,
        late: r.late === 1,
      });
    }
  }

  private setOnline(cp: string, online: boolean, atMs: number): void {
    const s = this.state(cp);
    s.online = online;
    if (online) {
      s.lastSeenMs = atMs;
      return;
    }
    for (const v of s.values.values()) {
      if (v.validity === VALIDITY.good) v.validity = VALIDITY.questionable;
      v.qualityFlags |= QF.linkLost;
    }
  }

  get(cp: string): ChargePointState | undefined {
    return this.cps.get(cp);
  }

  value(cp: string, measurand: string, evseNo = 0): LatestValue | undefined {
    return this.cps.get(cp)?.values.get(`${evseNo}/${measurand}`);
  }

  isStale(cp: string, key: string, nowMs: number): boolean {
    const s = this.cps.get(cp);
    const v = s?.values.get(key);
    if (!s || !v) return true;
    if (!s.online) return true;
    const limit = staleAfterMs(key.slice(key.indexOf('/') + 1));
    return limit !== null && nowMs - v.receivedAtMs > limit;
  }

  /** A JSON-friendly view of one charge point for the API. */
  view(cp: string, nowMs: number) {
    const s = this.cps.get(cp);
    if (!s) return { online: false, lastSeenMs: null, values: [] as ReturnType<StateStore['valueViews']> };
    return { online: s.online, lastSeenMs: s.lastSeenMs, values: this.valueViews(cp, s, nowMs) };
  }

  private valueViews(cp: string, s: ChargePointState, nowMs: number) {
    return [...s.values].map(([key, v]) => {
      const slash = key.indexOf('/');
      return { evseNo: Number(key.slice(0, slash)), measurand: key.slice(slash + 1), ...v, stale: this.isStale(cp, key, nowMs) };
    });
  }
}
