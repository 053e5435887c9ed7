// The live summary of a charge point as the web app reads it (pure functions, no React).
import type { ChargePointDetail, ChargePointRow } from '../../api/types.js';

export type LiveSummary = ChargePointRow['live'];

const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeStyle: 'medium' });

export function lastSeenText(live: NonNullable<LiveSummary>): string {
  return live.lastSeenMs === null
    ? 'never seen'
    : `last seen ${timeFormat.format(new Date(live.lastSeenMs))}`;
}

/** A sortable number for "now": power when online, below every power value otherwise. */
export function liveSortValue(live: LiveSummary): number {
  if (!live) return Number.NEGATIVE_INFINITY;
  if (!live.online || live.activePowerW === null) return -Number.MAX_VALUE;
  return live.activePowerW;
}

type DetailLive = ChargePointDetail['live'];

/** chargePoints.byId's `live` (summary fields optional, plus values) reduced to the list's summary. */
export function summaryOfDetail(live: DetailLive): LiveSummary {
  if (!live || live.online === undefined) return null;
  return {
    online: live.online,
    lastSeenMs: live.lastSeenMs ?? null,
    activePowerW: live.activePowerW ?? null,
    questionable: live.questionable ?? false,
    importW: live.importW ?? 0,
    exportW: live.exportW ?? 0,
    evses: live.evses ?? [],
  };
}
