// History reads: raw samples bucketed in SQL (server-side downsampling), or the 1/15-minute
// rollups. Invalid and test values are left out (DOMAIN.md §4: not plotted as numbers).
import type { Db, DbProvider } from '../../db/client.js';

export interface SeriesKey {
  chargePointId: string;
  evseNo: number;
  measurand: string;
}

export interface Bucket {
  tMs: number;
  avg: number;
  min: number;
  max: number;
  count: number;
}

type Num = number | bigint;
const toBucket = (r: { b: Num; sum: Num; min: Num; max: Num; n: Num }, sizeMs: number): Bucket => ({
  tMs: Number(r.b) * sizeMs,
  avg: Number(r.sum) / Number(r.n),
  min: Number(r.min),
  max: Number(r.max),
  count: Number(r.n),
});

export async function rawBuckets(db: Db, p: DbProvider, key: SeriesKey, fromMs: number, toMs: number, bucketMs: number): Promise<Bucket[]> {
  const ph = (n: number) => (p === 'sqlite' ? '?' : `$${n}`);
  const size = Math.max(1, Math.floor(bucketMs));
  const rows = await db.$queryRawUnsafe<Array<{ b: Num; sum: Num; min: Num; max: Num; n: Num }>>(
    `SELECT ("deviceTimeMs" / ${size}) AS b, SUM("value") AS sum, MIN("value") AS min, MAX("value") AS max, COUNT(*) AS n
       FROM "Sample"
      WHERE "chargePointId" = ${ph(1)} AND "measurand" = ${ph(2)} AND "evseNo" = ${ph(3)}
        AND "deviceTimeMs" >= ${ph(4)} AND "deviceTimeMs" < ${ph(5)} AND "validity" <> 1 AND ("qualityFlags" & 512) = 0
      GROUP BY b ORDER BY b`,
    key.chargePointId,
    key.measurand,
    key.evseNo,
    fromMs,
    toMs,
  );
  return rows.map((r) => toBucket(r, size));
}

export async function rollupBuckets(db: Db, key: SeriesKey, resolutionS: number, fromMs: number, toMs: number): Promise<Bucket[]> {
  const rows = await db.sampleRollup.findMany({
    where: { ...key, resolutionS, bucketStartMs: { gte: BigInt(Math.floor(fromMs)), lt: BigInt(Math.ceil(toMs)) } },
    select: { bucketStartMs: true, count: true, sum: true, min: true, max: true },
    orderBy: { bucketStartMs: 'asc' },
  });
  return rows.map((r) => ({ tMs: Number(r.bucketStartMs), avg: r.sum / r.count, min: r.min, max: r.max, count: r.count }));
}

export function chargePointOwner(db: Db, id: string) {
  return db.chargePoint.findUnique({ where: { id }, select: { id: true, cpoId: true } });
}

export function chargePointsOf(db: Db, cpoId: string | null) {
  return db.chargePoint.findMany({ where: cpoId ? { cpoId } : {}, select: { id: true, connectionPointId: true } });
}

export function chargePointForRead(db: Db, id: string) {
  return db.chargePoint.findUnique({
    where: { id },
    select: { id: true, cpoId: true, accessPointId: true, logicalDevice: true, registration: true, evses: { select: { evseNo: true } } },
  });
}
