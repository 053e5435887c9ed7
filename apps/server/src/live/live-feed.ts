// A live feed for one subscriber: the current state first (the backlog), then changes, at most
// one message per `minIntervalMs` (throttled to the screen's needs). It subscribes to the bus
// *before* reading the backlog so nothing committed in between is missed, and ends on `signal`.
import type { SampleRow } from '../ingest/report-mapper.js';
import type { LiveBus } from './bus.js';
import { computeAggregates, type Aggregate, type NodeRef } from './aggregates.js';
import type { StateStore } from './state-store.js';

export interface LiveSample {
  chargePointId: string;
  evseNo: number;
  measurand: string;
  value: number;
  deviceTimeMs: number;
  receivedAtMs: number;
  validity: number;
  qualityFlags: number;
  late: boolean;
}

export interface LiveMessage {
  seq: number;
  atMs: number;
  samples: LiveSample[];
  online: Array<{ chargePointId: string; online: boolean }>;
  nodes: Array<{ id: string } & Aggregate>;
}

export interface LiveFeedOptions {
  bus: LiveBus;
  state: StateStore;
  /** the charge points to follow (already limited to what the caller may see) */
  chargePointIds: ReadonlySet<string>;
  /** grid nodes whose aggregates to send with every message */
  nodes: { list: readonly NodeRef[]; placements: ReadonlyArray<{ id: string; connectionPointId: string | null }>; ids: readonly string[] };
  minIntervalMs: number;
  signal: AbortSignal | undefined;
  now: () => number;
}

const toLive = (r: SampleRow): LiveSample => ({
  chargePointId: r.chargePointId,
  evseNo: r.evseNo,
  measurand: r.measurand,
  value: r.value,
  deviceTimeMs: r.deviceTimeMs,
  receivedAtMs: r.receivedAtMs,
  validity: r.validity,
  qualityFlags: r.qualityFlags,
  late: r.late === 1,
});

const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

export async function* liveFeed(o: LiveFeedOptions): AsyncGenerator<LiveMessage> {
  const pending = new Map<string, SampleRow>();
  const onlineChanges = new Map<string, boolean>();
  let wake: (() => void) | undefined;
  const unsubscribe = [
    o.bus.subscribe('samples', (rows) => {
      for (const r of rows) if (o.chargePointIds.has(r.chargePointId)) pending.set(`${r.chargePointId}/${r.evseNo}/${r.measurand}`, r);
      if (pending.size > 0) wake?.();
    }),
    o.bus.subscribe('association', (a) => {
      for (const cp of a.logicalDevices) if (o.chargePointIds.has(cp)) onlineChanges.set(cp, a.state === 'up');
      if (onlineChanges.size > 0) wake?.();
    }),
  ];
  const nodesView = () => {
    if (o.nodes.ids.length === 0) return [];
    const agg = computeAggregates(o.nodes.list, o.nodes.placements, o.state);
    return o.nodes.ids.flatMap((id) => {
      const a = agg.get(id);
      return a ? [{ id, ...a }] : [];
    });
  };
  try {
    let seq = 0;
    const nowMs = o.now();
    const backlog = [...o.chargePointIds].flatMap((cp) =>
      o.state.view(cp, nowMs).values.map((v) => ({ chargePointId: cp, evseNo: v.evseNo, measurand: v.measurand, value: v.value, deviceTimeMs: v.deviceTimeMs, receivedAtMs: v.receivedAtMs, validity: v.validity, qualityFlags: v.qualityFlags, late: v.late })),
    );
    const online = [...o.chargePointIds].map((cp) => ({ chargePointId: cp, online: o.state.get(cp)?.online ?? false }));
    yield { seq: ++seq, atMs: nowMs, samples: backlog, online, nodes: nodesView() };
    let last = o.now();
    while (!o.signal?.aborted) {
      if (pending.size === 0 && onlineChanges.size === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          o.signal?.addEventListener('abort', () => resolve(), { once: true });
        });
        wake = undefined;
      }
      await sleep(last + o.minIntervalMs - o.now(), o.signal);
      if (o.signal?.aborted) break;
      const samples = [...pending.values()].map(toLive);
      const changes = [...onlineChanges].map(([chargePointId, on]) => ({ chargePointId, online: on }));
      pending.clear();
      onlineChanges.clear();
      last = o.now();
      yield { seq: ++seq, atMs: last, samples, online: changes, nodes: nodesView() };
    }
  } finally {
    for (const u of unsubscribe) u();
  }
}
