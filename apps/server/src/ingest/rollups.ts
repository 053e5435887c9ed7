// Rollups of a batch of samples: per charge point / EVSE / measurand / resolution / bucket, only
// operational (good, non-test) measurements. The database merges them into existing buckets.
import type { SampleRow } from './report-mapper.js';
import type { RollupRow } from './sql.js';
import { isOperational } from './quality.js';

export const ROLLUP_RESOLUTIONS_S = [60, 900] as const;

export function rollupsOf(samples: readonly SampleRow[]): RollupRow[] {
  const buckets = new Map<string, RollupRow>();
  for (const s of samples) {
    if (s.kind !== 'measurement' || !isOperational(s.validity, s.qualityFlags)) continue;
    for (const resolutionS of ROLLUP_RESOLUTIONS_S) {
      const size = resolutionS * 1000;
      const bucketStartMs = Math.floor(s.deviceTimeMs / size) * size;
      const key = `${s.chargePointId}\u0000${s.evseNo}\u0000${s.measurand}\u0000${resolutionS}\u0000${bucketStartMs}`;
      const b = buckets.get(key);
      if (b) {
        b.count += 1;
        b.sum += s.value;
        b.min = Math.min(b.min, s.value);
        b.max = Math.max(b.max, s.value);
      } else {
        buckets.set(key, { chargePointId: s.chargePointId, evseNo: s.evseNo, measurand: s.measurand, resolutionS, bucketStartMs, count: 1, sum: s.value, min: s.value, max: s.value });
      }
    }
  }
  return [...buckets.values()];
}
