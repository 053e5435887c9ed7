// The latest stored sample per EVSE / measurand of some charge points (after a restart: for
// dropping identical repeats and for change detection). Raw SQL, both providers.
import type { Db, DbProvider } from '../db/client.js';

export interface LatestRow {
  chargePointId: string;
  evseNo: number;
  measurand: string;
  value: number;
  deviceTimeMs: number;
}

export async function readLatestSamples(db: Db, provider: DbProvider, chargePointIds: string[]): Promise<LatestRow[]> {
  if (chargePointIds.length === 0) return [];
  const list = chargePointIds.map((_v, i) => (provider === 'sqlite' ? '?' : `$${i + 1}`)).join(',');
  const rows = await db.$queryRawUnsafe<Array<{ chargePointId: string; evseNo: number | bigint; measurand: string; value: number; deviceTimeMs: number | bigint }>>(
    `SELECT s."chargePointId", s."evseNo", s."measurand", s."value", s."deviceTimeMs" FROM "Sample" s
     JOIN (SELECT "chargePointId", "evseNo", "measurand", MAX("deviceTimeMs") AS t FROM "Sample"
           WHERE "chargePointId" IN (${list}) GROUP BY "chargePointId", "evseNo", "measurand") m
       ON m."chargePointId" = s."chargePointId" AND m."evseNo" = s."evseNo" AND m."measurand" = s."measurand" AND m.t = s."deviceTimeMs"`,
    ...chargePointIds,
  );
  return rows.map((r) => ({ chargePointId: r.chargePointId, evseNo: Number(r.evseNo), measurand: r.measurand, value: Number(r.value), deviceTimeMs: Number(r.deviceTimeMs) }));
}
