import type { Db } from '../../db/client.js';
import { DomainError } from '../../errors.js';
import type { CpoScope } from '../auth/roles.js';
import * as repo from './charge-points.repository.js';

type SummaryRow = Awaited<ReturnType<typeof repo.listChargePoints>>[number];

function toSummary(row: SummaryRow) {
  const { _count, connectionPoint, ...rest } = row;
  const feeder = connectionPoint?.parent?.kind === 'feeder' ? { id: connectionPoint.parent.id, name: connectionPoint.parent.name } : null;
  return {
    ...rest,
    architecture: rest.architecture as 'public' | 'residential',
    registration: rest.registration as 'pending' | 'approved' | 'rejected',
    connectionPoint: connectionPoint ? { id: connectionPoint.id, name: connectionPoint.name } : null,
    feeder,
    evseCount: _count.evses,
  };
}

export async function listChargePoints(db: Db, scope: CpoScope, filter: repo.ChargePointFilter) {
  return { items: (await repo.listChargePoints(db, scope, filter)).map(toSummary) };
}

/** One charge point; a CPO user asking for another CPO's charge point gets `forbidden`. */
export async function getChargePoint(db: Db, scope: CpoScope, id: string) {
  const row = await repo.findChargePoint(db, id);
  if (!row) throw new DomainError('not_found', `There is no charge point with id ${id}.`);
  if (scope && row.cpo.id !== scope.cpoId) {
    throw new DomainError('forbidden', `Charge point ${id} belongs to another operator; you can only see your own.`);
  }
  const { evses, serialNumber, firmware, logicalDevice, accessPointId, ...summary } = row;
  return { ...toSummary(summary), evses, serialNumber, firmware, logicalDevice, accessPointId };
}
