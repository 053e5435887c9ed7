// Metering history (range + resolution, downsampled server-side to at most maxPoints) and the
// scope rule: a CPO user reads only its own charge points.
import type { Db, DbProvider } from '../../db/client.js';
import { DomainError } from '../../errors.js';
import type { CpoScope } from '../auth/roles.js';
import * as repo from './metering.repository.js';
import type { LiveRuntime } from '../../live/runtime.js';
import { readNow as readDevice } from '../../rti/read-now.js';

export type Resolution = 'auto' | 'raw' | '1m' | '15m';

export interface HistoryInput extends repo.SeriesKey {
  fromMs: number;
  toMs: number;
  resolution: Resolution;
  maxPoints: number;
}

export async function assertCanSee(db: Db, scope: CpoScope, chargePointId: string): Promise<void> {
  const cp = await repo.chargePointOwner(db, chargePointId);
  if (!cp) throw new DomainError('not_found', `There is no charge point with id ${chargePointId}.`);
  if (scope && cp.cpoId !== scope.cpoId) throw new DomainError('forbidden', `Charge point ${chargePointId} belongs to another operator; you can only see your own.`);
}

/** raw up to 6 h, 1-minute rollups up to 10 days, 15-minute beyond. */
export function chooseResolution(rangeMs: number, wanted: Resolution): Exclude<Resolution, 'auto'> {
  if (wanted !== 'auto') return wanted;
  if (rangeMs <= 6 * 3_600_000) return 'raw';
  if (rangeMs <= 10 * 86_400_000) return '1m';
  return '15m';
}

/** Merges neighbouring buckets until at most maxPoints remain. */
export function downsample(buckets: repo.Bucket[], maxPoints: number): repo.Bucket[] {
  if (buckets.length <= maxPoints) return buckets;
  const per = Math.ceil(buckets.length / maxPoints);
  const out: repo.Bucket[] = [];
  for (let i = 0; i < buckets.length; i += per) {
    const group = buckets.slice(i, i + per);
    const count = group.reduce((n, b) => n + b.count, 0);
    out.push({
      tMs: group[0]?.tMs ?? 0,
      avg: group.reduce((s, b) => s + b.avg * b.count, 0) / count,
      min: Math.min(...group.map((b) => b.min)),
      max: Math.max(...group.map((b) => b.max)),
      count,
    });
  }
  return out;
}

export async function history(db: Db, provider: DbProvider, scope: CpoScope, input: HistoryInput) {
  if (input.toMs <= input.fromMs) throw new DomainError('invalid_input', 'The end of the range must be after its start.');
  await assertCanSee(db, scope, input.chargePointId);
  const key = { chargePointId: input.chargePointId, evseNo: input.evseNo, measurand: input.measurand };
  const resolution = chooseResolution(input.toMs - input.fromMs, input.resolution);
  const buckets =
    resolution === 'raw'
      ? await repo.rawBuckets(db, provider, key, input.fromMs, input.toMs, Math.max(1, Math.ceil((input.toMs - input.fromMs) / input.maxPoints)))
      : await repo.rollupBuckets(db, key, resolution === '1m' ? 60 : 900, input.fromMs, input.toMs);
  return { ...key, resolution, points: downsample(buckets, input.maxPoints) };
}

/** Use case 3.11: a fresh reading of the meter registers and measurements, stored and returned. */
export async function readNow(db: Db, live: LiveRuntime | undefined, chargePointId: string) {
  const cp = await repo.chargePointForRead(db, chargePointId);
  if (!cp) throw new DomainError('not_found', `There is no charge point with id ${chargePointId}.`);
  if (cp.registration !== 'approved') throw new DomainError('conflict', `Charge point ${chargePointId} is not approved yet.`);
  const session = live?.connections.session(cp.accessPointId);
  if (!live || !session || !session.chargePointOf(cp.logicalDevice)) {
    throw new DomainError('conflict', `Charge point ${chargePointId} is not connected now; the last received values are shown instead.`);
  }
  const { samples, failed } = await readDevice(session, live.ingest, cp.logicalDevice, cp.evses.map((e) => e.evseNo));
  return {
    chargePointId,
    readAtMs: live.now().getTime(),
    values: samples.map((s) => ({ evseNo: s.evseNo, measurand: s.measurand, value: s.value, deviceTimeMs: s.deviceTimeMs, validity: s.validity, qualityFlags: s.qualityFlags, timeQuality: s.timeQuality })),
    failed,
  };
}
