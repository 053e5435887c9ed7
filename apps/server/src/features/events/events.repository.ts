// Events (status changes, setpoints, association up/down, gaps, registrations), newest first.
// A CPO scope limits the query to its own charge points and access points.
import type { Db } from '../../db/client.js';
import type { CpoScope } from '../auth/roles.js';

export interface EventFilter {
  chargePointId?: string | undefined;
  kinds?: string[] | undefined;
  fromMs?: number | undefined;
  toMs?: number | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/** A charge point's own events plus the association up/down events of its access point. */
async function ofChargePoint(db: Db, chargePointId: string) {
  const cp = await db.chargePoint.findUnique({ where: { id: chargePointId }, select: { accessPointId: true } });
  if (!cp) return { chargePointId };
  return { OR: [{ chargePointId }, { chargePointId: null, accessPointId: cp.accessPointId, kind: { in: ['associationUp', 'associationDown'] } }] };
}

export async function listEvents(db: Db, scope: CpoScope, f: EventFilter) {
  const own = scope
    ? await Promise.all([
        db.chargePoint.findMany({ where: { cpoId: scope.cpoId }, select: { id: true } }),
        db.accessPoint.findMany({ where: { organisationId: scope.cpoId }, select: { id: true } }),
      ])
    : null;
  return db.event.findMany({
    where: {
      AND: [
        own ? { OR: [{ chargePointId: { in: own[0].map((c) => c.id) } }, { chargePointId: null, accessPointId: { in: own[1].map((a) => a.id) } }] } : {},
        f.chargePointId ? await ofChargePoint(db, f.chargePointId) : {},
        f.kinds && f.kinds.length > 0 ? { kind: { in: f.kinds } } : {},
        f.fromMs !== undefined ? { atMs: { gte: BigInt(f.fromMs) } } : {},
        f.toMs !== undefined ? { atMs: { lt: BigInt(f.toMs) } } : {},
        f.beforeId !== undefined ? { id: { lt: f.beforeId } } : {},
      ],
    },
    select: { id: true, kind: true, chargePointId: true, accessPointId: true, evseNo: true, message: true, details: true, atMs: true, receivedAtMs: true },
    orderBy: { id: 'desc' },
    take: f.limit,
  });
}
