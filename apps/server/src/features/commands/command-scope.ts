// What a user may read (issue 6 "tRPC"): DSO staff see everything; a CPO user sees, read-only,
// the commands and limits that concern its own charge points. Pure filters over a lookup of the
// charge point's CPO (backed later by the charge-points repository).
import { DomainError } from '../../errors.js';
import type { CpoScope } from '../auth/roles.js';
import type { LimitSchedule } from '../limits/limit-schedule.js';
import type { Command } from './command-types.js';

export type CpoOf = (chargePointId: string) => string | undefined;

export function canRead(scope: CpoScope, chargePointId: string, cpoOf: CpoOf): boolean {
  return scope === null || cpoOf(chargePointId) === scope.cpoId;
}

/** Refuses reading another CPO's charge point (not_found would leak less, but forbidden says what is wrong). */
export function assertCanRead(scope: CpoScope, chargePointId: string, cpoOf: CpoOf): void {
  if (!canRead(scope, chargePointId, cpoOf)) {
    throw new DomainError('forbidden', `${chargePointId} belongs to another CPO; you can only see your own charge points.`, { chargePointId });
  }
}

export function commandsVisibleTo(scope: CpoScope, commands: readonly Command[], cpoOf: CpoOf): Command[] {
  return commands.filter((c) => canRead(scope, c.chargePointId, cpoOf));
}

/** Charge-point schedules of the CPO's own charge points; node-level schedules only to DSO staff. */
export function schedulesVisibleTo(scope: CpoScope, schedules: readonly LimitSchedule[], cpoOf: CpoOf): LimitSchedule[] {
  if (scope === null) return [...schedules];
  return schedules.filter((s) => s.target.kind === 'chargePoint' && canRead(scope, s.target.chargePointId, cpoOf));
}
