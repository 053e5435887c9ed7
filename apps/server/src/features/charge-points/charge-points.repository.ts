// The only code that reads charge points from the database. Every list query takes the caller's
// CPO scope, so a CPO user's query can never return another CPO's rows.
import type { Db } from '../../db/client.js';
import type { CpoScope } from '../auth/roles.js';

export interface ChargePointFilter {
  cpoId?: string | undefined;
  architecture?: 'public' | 'residential' | undefined;
  connectionPointId?: string | undefined;
  search?: string | undefined;
}

const summarySelect = {
  id: true,
  architecture: true,
  registration: true,
  vendor: true,
  model: true,
  maxImportW: true,
  maxExportW: true,
  v2gCapable: true,
  reactiveCapable: true,
  freqResponseCapable: true,
  address: true,
  cpo: { select: { id: true, name: true } },
  connectionPoint: { select: { id: true, name: true, parent: { select: { id: true, name: true, kind: true } } } },
  _count: { select: { evses: true } },
} as const;

export function listChargePoints(db: Db, scope: CpoScope, filter: ChargePointFilter) {
  const search = filter.search?.trim();
  return db.chargePoint.findMany({
    where: {
      AND: [
        scope ? { cpoId: scope.cpoId } : {},
        filter.cpoId ? { cpoId: filter.cpoId } : {},
        filter.architecture ? { architecture: filter.architecture } : {},
        filter.connectionPointId ? { connectionPointId: filter.connectionPointId } : {},
        search ? { OR: [{ id: { contains: search } }, { address: { contains: search } }, { model: { contains: search } }] } : {},
      ],
    },
    select: summarySelect,
    orderBy: { id: 'asc' },
  });
}

export function findChargePoint(db: Db, id: string) {
  return db.chargePoint.findUnique({
    where: { id },
    select: {
      ...summarySelect,
      serialNumber: true,
      firmware: true,
      logicalDevice: true,
      accessPointId: true,
      evses: { select: { evseNo: true, maxPowerW: true, connectorType: true, v2gCapable: true }, orderBy: { evseNo: 'asc' } },
    },
  });
}
