// Live figures for the grid overview: load of the top nodes, charge point activity, frequency.
import type { GridNode } from '../../api/types.js';
import { valueKey, type LiveAggregate, type LiveChargePoint } from '../../live/live-store.js';
import { VALIDITY } from '../../live/quality.js';
import { KIND_ORDER } from './grid-tree.js';

/** The nodes to follow live, top of the tree first (the feed takes at most `max`). */
export function liveNodeIds(nodes: ReadonlyArray<Pick<GridNode, 'id' | 'kind'>>, max = 100): string[] {
  return [...nodes]
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id.localeCompare(b.id))
    .slice(0, max)
    .map((n) => n.id);
}

export interface GridLive {
  netW: number;
  capacityW: number;
  headroomW: number;
  charging: number;
  discharging: number;
  online: number;
  chargePoints: number;
  /** median of the good frequency values of online charge points; null when none */
  frequencyHz: number | null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function frequencyOf(chargePoints: ReadonlyMap<string, LiveChargePoint>): number | null {
  const values: number[] = [];
  for (const cp of chargePoints.values()) {
    const f = cp.values.get(valueKey(0, 'frequencyHz'));
    if (cp.online && f && f.validity === VALIDITY.good) values.push(f.value);
  }
  return median(values);
}

/** Sums the live aggregates of the roots (substations); null until the first aggregate arrives. */
export function gridLive(
  rootIds: readonly string[],
  nodes: ReadonlyMap<string, LiveAggregate>,
  chargePoints: ReadonlyMap<string, LiveChargePoint>,
): GridLive | null {
  const roots = rootIds.flatMap((id) => {
    const a = nodes.get(id);
    return a ? [a] : [];
  });
  if (roots.length === 0) return null;
  const sum = (f: (a: LiveAggregate) => number) => roots.reduce((s, a) => s + f(a), 0);
  return {
    netW: sum((a) => a.netW),
    capacityW: sum((a) => a.capacityW),
    headroomW: sum((a) => a.headroomW),
    charging: sum((a) => a.chargingCount),
    discharging: sum((a) => a.dischargingCount),
    online: sum((a) => a.onlineCount),
    chargePoints: sum((a) => a.chargePointCount),
    frequencyHz: frequencyOf(chargePoints),
  };
}
