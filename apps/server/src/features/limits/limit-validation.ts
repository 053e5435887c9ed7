// Validation of a DSO limit before anything is sent (DOMAIN.md §4 "Limits"; issue 6 "Bad input").
// Every refusal is DomainError('invalid_input') with a message that says what to change.
import { DomainError } from '../../errors.js';
import { ancestorsOf, chargePointsUnder, type CapacityNode, type GridShape } from './grid-shape.js';
import { dsoScheduleAt, formatW, type ChargePointRating, type LimitSchedule, type LimitTarget } from './limit-schedule.js';
import { splitNodeLimit, type LimitShare, type SplitMode } from './split-limit.js';

export const MAX_FALLBACK_TIMEOUT_S = 86_400;

export interface LimitRequest {
  target: LimitTarget;
  importLimitW: number;
  /** Default: now. */
  startsAt?: Date;
  /** Default: open-ended. */
  endsAt?: Date;
  fallbackW?: number;
  fallbackTimeoutS?: number;
  /** Node targets: how the limit is split over the charge points (default by rating). */
  split?: SplitMode;
  /** Refuse when any node on the way up could be loaded above its capacity. */
  guaranteeParentCapacity?: boolean;
  reason: string;
  priority?: number;
}

export interface ValidatedLimit {
  startsAt: Date;
  endsAt: Date | null;
  shares: LimitShare[];
}

const invalid = (message: string, details: Record<string, unknown>): DomainError => new DomainError('invalid_input', message, details);

function checkWatts(field: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw invalid(`${field} must be a whole number of watts, 0 or more (got ${value}).`, { field, value });
}

function checkWindow(req: LimitRequest, now: Date): { startsAt: Date; endsAt: Date | null } {
  const startsAt = req.startsAt && req.startsAt.getTime() > now.getTime() ? req.startsAt : now;
  const endsAt = req.endsAt ?? null;
  if (endsAt && endsAt.getTime() <= startsAt.getTime()) {
    throw invalid(`The window ends (${endsAt.toISOString()}) before it starts (${startsAt.toISOString()}); choose an end after the start.`, { field: 'endsAt', startsAt, endsAt });
  }
  if (endsAt && endsAt.getTime() <= now.getTime()) {
    throw invalid(`The window ends in the past (${endsAt.toISOString()}); choose an end in the future.`, { field: 'endsAt', endsAt, now });
  }
  return { startsAt, endsAt };
}

function checkFallback(req: LimitRequest): void {
  if (req.fallbackW === undefined && req.fallbackTimeoutS === undefined) return;
  if (req.fallbackW === undefined || req.fallbackTimeoutS === undefined) {
    throw invalid('Give both the fallback limit and its time-out, or neither.', { field: req.fallbackW === undefined ? 'fallbackW' : 'fallbackTimeoutS' });
  }
  checkWatts('fallbackW', req.fallbackW);
  if (!Number.isInteger(req.fallbackTimeoutS) || req.fallbackTimeoutS < 1 || req.fallbackTimeoutS > MAX_FALLBACK_TIMEOUT_S) {
    throw invalid(`The fallback time-out must be a whole number of seconds from 1 to ${MAX_FALLBACK_TIMEOUT_S} (got ${req.fallbackTimeoutS}).`, { field: 'fallbackTimeoutS', value: req.fallbackTimeoutS });
  }
  if (req.fallbackW > req.importLimitW) {
    throw invalid(`The fallback limit (${formatW(req.fallbackW)}) is above the limit (${formatW(req.importLimitW)}); lower the fallback to at most ${formatW(req.importLimitW)}.`, { field: 'fallbackW', fallbackW: req.fallbackW, importLimitW: req.importLimitW });
  }
}

function sharesFor(req: LimitRequest, grid: GridShape): LimitShare[] {
  const target = req.target;
  if (target.kind === 'chargePoint') {
    const cp = grid.chargePoints.find((c) => c.id === target.chargePointId);
    if (!cp) throw new DomainError('not_found', `There is no charge point ${target.chargePointId}.`, { chargePointId: target.chargePointId });
    if (req.importLimitW > cp.ratedImportW) {
      throw invalid(`The limit ${formatW(req.importLimitW)} is above the rating of ${cp.id} (${formatW(cp.ratedImportW)}); lower it to at most ${formatW(cp.ratedImportW)}.`, { field: 'importLimitW', importLimitW: req.importLimitW, ratedImportW: cp.ratedImportW });
    }
    return [{ chargePointId: cp.id, importLimitW: req.importLimitW }];
  }
  const node = grid.nodes.find((n) => n.id === target.nodeId);
  if (!node || node.kind !== target.kind) throw new DomainError('not_found', `There is no ${target.kind} ${target.nodeId}.`, { nodeId: target.nodeId });
  const cps = chargePointsUnder(grid, node.id);
  if (cps.length === 0) throw invalid(`${node.name} has no charge points to limit; choose a node with charge points under it.`, { nodeId: node.id });
  return splitNodeLimit(req.importLimitW, cps, req.split ?? 'rating');
}

/** Instants within the window at which the planned load of a node can change. */
function checkInstants(startsAt: Date, endsAt: Date | null, existing: readonly LimitSchedule[]): Date[] {
  const inWindow = (d: Date | null): d is Date => d !== null && d.getTime() > startsAt.getTime() && (endsAt === null || d.getTime() < endsAt.getTime());
  const instants = existing.flatMap((s) => [s.startsAt, s.endsAt]).filter(inWindow);
  return [startsAt, ...instants];
}

function plannedLoadW(cp: ChargePointRating, shares: Map<string, number>, existing: readonly LimitSchedule[], at: Date): number {
  const mine = shares.get(cp.id);
  if (mine !== undefined) return mine;
  return Math.min(cp.ratedImportW, dsoScheduleAt(cp.id, existing, at)?.importLimitW ?? cp.ratedImportW);
}

function checkParents(grid: GridShape, targetNodeId: string | null, shares: LimitShare[], existing: readonly LimitSchedule[], instants: Date[]): void {
  const byCp = new Map(shares.map((s) => [s.chargePointId, s.importLimitW]));
  const ancestors: CapacityNode[] = ancestorsOf(grid, targetNodeId);
  for (const node of ancestors) {
    const cps = chargePointsUnder(grid, node.id);
    for (const at of instants) {
      const loadW = cps.reduce((sum, cp) => sum + plannedLoadW(cp, byCp, existing, at), 0);
      if (loadW > node.capacityW) {
        throw invalid(
          `With this limit the charge points under ${node.name} could draw ${formatW(loadW)} at ${at.toISOString()}, above its capacity of ${formatW(node.capacityW)}; lower the limit by at least ${formatW(loadW - node.capacityW)}, or limit other charge points under ${node.name} first.`,
          { field: 'importLimitW', nodeId: node.id, capacityW: node.capacityW, plannedLoadW: loadW, at },
        );
      }
    }
  }
}

/** Checks a DSO limit request; returns its window and per-charge-point shares, or throws. */
export function validateLimitRequest(req: LimitRequest, grid: GridShape, existing: readonly LimitSchedule[], now: Date): ValidatedLimit {
  checkWatts('importLimitW', req.importLimitW);
  if (req.reason.trim() === '') throw invalid('Give a reason for the limit (it is shown to the CPO and kept in the audit trail).', { field: 'reason' });
  const window = checkWindow(req, now);
  checkFallback(req);
  const shares = sharesFor(req, grid);
  if (req.guaranteeParentCapacity) {
    const target = req.target;
    const startNode = target.kind === 'chargePoint' ? (grid.chargePoints.find((c) => c.id === target.chargePointId)?.connectionPointId ?? null) : target.nodeId;
    checkParents(grid, startNode, shares, existing, checkInstants(window.startsAt, window.endsAt, existing));
  }
  return { ...window, shares };
}
