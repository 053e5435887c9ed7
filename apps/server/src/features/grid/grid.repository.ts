import type { Db } from '../../db/client.js';

export function listGridNodes(db: Db) {
  return db.gridNode.findMany({
    select: { id: true, kind: true, name: true, parentId: true, capacityW: true },
    orderBy: [{ kind: 'asc' }, { id: 'asc' }],
  });
}

export function listChargePointRatings(db: Db) {
  return db.chargePoint.findMany({
    where: { registration: 'approved', connectionPointId: { not: null } },
    select: { connectionPointId: true, maxImportW: true },
  });
}

export function listApprovedPlacements(db: Db) {
  return db.chargePoint.findMany({ where: { registration: 'approved', connectionPointId: { not: null } }, select: { id: true, connectionPointId: true } });
}

export function chargePointsUnder(db: Db, connectionPointId: string) {
  return db.chargePoint.findMany({
    where: { connectionPointId, registration: 'approved' },
    select: { id: true, cpoId: true, architecture: true, maxImportW: true, maxExportW: true },
    orderBy: { id: 'asc' },
  });
}
