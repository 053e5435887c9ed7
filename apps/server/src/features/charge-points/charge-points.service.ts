import type { Db } from '../../db/client.js';
import { DomainError } from '../../errors.js';
import type { CpoScope } from '../auth/roles.js';
import * as repo from './charge-points.repository.js';
import type { StateStore } from '../../live/state-store.js';
import { contributionOf } from '../../live/aggregates.js';
import { evseStatusName } from '../../domain/evse-status.js';

/** The live summary of a charge point for lists: online, last seen, power, EVSE statuses. */
export function liveSummary(state: StateStore | undefined, id: string) {
  const s = state?.get(id);
  if (!state || !s) return null;
  const c = contributionOf(state, id);
  const power = s.values.get('0/activePowerW');
  const evses = [...s.values]
    .filter(([k]) => k.endsWith('/evseStatus'))
    .map(([k, v]) => ({ evseNo: Number(k.split('/')[0]), status: evseStatusName(v.value), questionable: v.validity !== 0 }))
    .sort((a, b) => a.evseNo - b.evseNo);
  return {
    online: s.online,
    lastSeenMs: s.lastSeenMs,
    activePowerW: power ? power.value : null,
    questionable: power ? power.validity !== 0 : false,
    importW: c.importW,
    exportW: c.exportW,
    evses,
  };
}

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

export async function listChargePoints(db: Db, scope: CpoScope, filter: repo.ChargePointFilter, state?: StateStore) {
  return { items: (await repo.listChargePoints(db, scope, filter)).map((row) => ({ ...toSummary(row), live: liveSummary(state, row.id) })) };
}

/** One charge point; a CPO user asking for another CPO's charge point gets `forbidden`. */
export async function getChargePoint(db: Db, scope: CpoScope, id: string, state?: StateStore, nowMs = Date.now()) {
  const row = await repo.findChargePoint(db, id);
  if (!row) throw new DomainError('not_found', `There is no charge point with id ${id}.`);
  if (scope && row.cpo.id !== scope.cpoId) {
    throw new DomainError('forbidden', `Charge point ${id} belongs to another operator; you can only see your own.`);
  }
  const { evses, serialNumber, firmware, logicalDevice, accessPointId, ...summary } = row;
  // (web asked for `live: null` when there is no state; kept as is until its test's shape moves too)
  const live = state ? { ...liveSummary(state, id), values: state.view(id, nowMs).values } : null;
  return { ...toSummary(summary), evses, serialNumber, firmware, logicalDevice, accessPointId, live };
}
