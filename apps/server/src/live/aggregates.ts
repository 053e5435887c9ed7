// Live aggregates up the grid tree (connection point → feeder → transformer → substation): total
// import and export, charging / discharging EVSE counts, headroom to capacity. Only operational
// values count (invalid and test values never enter totals, DOMAIN.md §4); questionable values
// (e.g. after a lost link) still count — the UI shows them greyed.
import { CHARGING_STATUS, DISCHARGING_STATUS } from '../ingest/profile.js';
import { QF, VALIDITY } from '../ingest/quality.js';
import type { StateStore } from './state-store.js';

export interface NodeRef {
  id: string;
  parentId: string | null;
  capacityW: number;
}

export interface Aggregate {
  importW: number;
  exportW: number;
  /** import − export */
  netW: number;
  chargingCount: number;
  dischargingCount: number;
  chargePointCount: number;
  onlineCount: number;
  capacityW: number;
  /** capacity − net import (negative = overloaded) */
  headroomW: number;
}

const counts = (v: { validity: number; qualityFlags: number } | undefined): boolean =>
  v !== undefined && v.validity !== VALIDITY.invalid && (v.qualityFlags & QF.test) === 0;

export interface ChargePointContribution {
  importW: number;
  exportW: number;
  charging: number;
  discharging: number;
  online: boolean;
}

export function contributionOf(state: StateStore, chargePointId: string): ChargePointContribution {
  const s = state.get(chargePointId);
  const out = { importW: 0, exportW: 0, charging: 0, discharging: 0, online: s?.online ?? false };
  if (!s) return out;
  const p = s.values.get('0/activePowerW');
  if (p && counts(p)) {
    if (p.value >= 0) out.importW = p.value;
    else out.exportW = -p.value;
  }
  for (const [key, v] of s.values) {
    if (!key.endsWith('/evseStatus') || !counts(v)) continue;
    if (v.value === CHARGING_STATUS) out.charging += 1;
    if (v.value === DISCHARGING_STATUS) out.discharging += 1;
  }
  return out;
}

export function computeAggregates(
  nodes: readonly NodeRef[],
  chargePoints: ReadonlyArray<{ id: string; connectionPointId: string | null }>,
  state: StateStore,
): Map<string, Aggregate> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const agg = new Map<string, Aggregate>(
    nodes.map((n) => [n.id, { importW: 0, exportW: 0, netW: 0, chargingCount: 0, dischargingCount: 0, chargePointCount: 0, onlineCount: 0, capacityW: n.capacityW, headroomW: n.capacityW }]),
  );
  for (const cp of chargePoints) {
    const c = contributionOf(state, cp.id);
    let node = cp.connectionPointId ? byId.get(cp.connectionPointId) : undefined;
    for (let depth = 0; node && depth < 16; depth++) {
      const a = agg.get(node.id);
      if (a) {
        a.importW += c.importW;
        a.exportW += c.exportW;
        a.chargingCount += c.charging;
        a.dischargingCount += c.discharging;
        a.chargePointCount += 1;
        a.onlineCount += c.online ? 1 : 0;
      }
      node = node.parentId ? byId.get(node.parentId) : undefined;
    }
  }
  for (const a of agg.values()) {
    a.netW = a.importW - a.exportW;
    a.headroomW = a.capacityW - a.netW;
  }
  return agg;
}
