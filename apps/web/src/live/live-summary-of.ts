// The list's live summary (power, online, EVSE statuses) from the browser's live state, computed
// like the server's `liveSummary` so a row looks the same whether it came from the list or the feed.
import type { LiveSummary } from '../pages/charge-points/live-summary.js';
import { valueKey, type LiveChargePoint } from './live-store.js';
import { VALIDITY, QF_TEST } from './quality.js';
import { evseStatusName as statusName } from '@dso/server/domain';

export { evseStatusName as statusName } from '@dso/server/domain';

const counts = (v: { validity: number; qualityFlags: number }) =>
  v.validity !== VALIDITY.invalid && (v.qualityFlags & QF_TEST) === 0;

export function summaryOfLive(cp: LiveChargePoint | undefined, fallback: LiveSummary): LiveSummary {
  if (!cp) return fallback;
  const power = cp.values.get(valueKey(0, 'activePowerW'));
  const usable = power && counts(power) ? power.value : 0;
  const evses = [...cp.values]
    .filter(([k]) => k.endsWith('/evseStatus'))
    .map(([k, v]) => ({ evseNo: Number(k.split('/')[0]), status: statusName(v.value), questionable: v.validity !== 0 }))
    .sort((a, b) => a.evseNo - b.evseNo);
  return {
    online: cp.online,
    lastSeenMs: cp.lastSeenMs,
    activePowerW: power ? power.value : null,
    questionable: power ? power.validity !== 0 : false,
    importW: Math.max(usable, 0),
    exportW: Math.max(-usable, 0),
    evses,
  };
}

/** Rows with their live summary replaced by the feed's where the feed knows the charge point. */
export function withLive<T extends { id: string; live: LiveSummary }>(
  rows: readonly T[],
  chargePoints: ReadonlyMap<string, LiveChargePoint>,
): T[] {
  if (chargePoints.size === 0) return [...rows];
  return rows.map((row) => {
    const cp = chargePoints.get(row.id);
    return cp ? { ...row, live: summaryOfLive(cp, row.live) } : row;
  });
}
