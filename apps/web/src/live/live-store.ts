// The live state the browser keeps from `metering.onLive` messages: the latest value per charge
// point / EVSE / measurand, online state, and grid node aggregates. Pure functions, no React.
import type { RouterOutputs } from '../api/types.js';

type OnLiveOutput = RouterOutputs['metering']['onLive'];
/** One message of the feed (the tracked envelope's data). */
export type LiveMessage = OnLiveOutput extends AsyncIterable<infer T> ? UnwrapTracked<T> : UnwrapTracked<OnLiveOutput>;
type UnwrapTracked<T> = T extends { data: infer D; id: string } ? D : T;
export type LiveSample = LiveMessage['samples'][number];
export type LiveAggregate = LiveMessage['nodes'][number];

export interface LiveValue {
  value: number;
  deviceTimeMs: number;
  receivedAtMs: number;
  validity: number;
  qualityFlags: number;
  late: boolean;
}

export interface LiveChargePoint {
  online: boolean;
  lastSeenMs: number | null;
  /** key `${evseNo}/${measurand}` */
  values: ReadonlyMap<string, LiveValue>;
}

export interface LiveState {
  chargePoints: ReadonlyMap<string, LiveChargePoint>;
  nodes: ReadonlyMap<string, LiveAggregate>;
  /** server time of the last message */
  atMs: number | null;
}

export const EMPTY_LIVE: LiveState = { chargePoints: new Map(), nodes: new Map(), atMs: null };

export const valueKey = (evseNo: number, measurand: string) => `${evseNo}/${measurand}`;

function toValue(s: LiveSample): LiveValue {
  return {
    value: s.value,
    deviceTimeMs: s.deviceTimeMs,
    receivedAtMs: s.receivedAtMs,
    validity: s.validity,
    qualityFlags: s.qualityFlags,
    late: s.late,
  };
}

/** Applies one message; untouched charge points keep their object identity (cheap re-renders). */
export function applyLiveMessage(prev: LiveState, msg: LiveMessage): LiveState {
  const cps = new Map(prev.chargePoints);
  const touched = new Map<string, { online: boolean; lastSeenMs: number | null; values: Map<string, LiveValue> }>();
  const edit = (id: string) => {
    let cp = touched.get(id);
    if (!cp) {
      const old = cps.get(id);
      cp = { online: old?.online ?? false, lastSeenMs: old?.lastSeenMs ?? null, values: new Map(old?.values) };
      touched.set(id, cp);
    }
    return cp;
  };
  for (const o of msg.online) edit(o.chargePointId).online = o.online;
  for (const s of msg.samples) {
    const cp = edit(s.chargePointId);
    const key = valueKey(s.evseNo, s.measurand);
    const old = cp.values.get(key);
    // a late back-filled value older than the one shown does not replace it
    if (old && s.late && old.deviceTimeMs > s.deviceTimeMs) continue;
    cp.values.set(key, toValue(s));
    cp.lastSeenMs = Math.max(cp.lastSeenMs ?? 0, s.receivedAtMs);
  }
  for (const [id, cp] of touched) cps.set(id, cp);
  const nodes = msg.nodes.length > 0 ? new Map(msg.nodes.map((n) => [n.id, n])) : prev.nodes;
  return { chargePoints: cps, nodes, atMs: msg.atMs };
}
