// Impact preview of a bulk action on a grid node (issue 6 "Bulk actions"): which charge points
// are affected and what each will get, the kW shed per CPO, and which devices will not comply
// (offline, or lacking the function). Pure: a function of the request and the charge points.
import { DomainError } from '../../errors.js';
import { splitNodeLimit, type SplitMode } from '../limits/split-limit.js';
import type { CommandRequest, ReactiveSetting } from './command-types.js';
import { validateCommand } from './command-validation.js';
import type { ChargePointControlInfo } from './control-target.js';

export interface BulkNode {
  id: string;
  name: string;
  kind: 'substation' | 'transformer' | 'feeder' | 'connectionPoint';
}

export type BulkRequest =
  | { kind: 'setImportLimit'; nodeId: string; importLimitW: number; split: SplitMode; fallbackW?: number; fallbackTimeoutS?: number; endsAt?: Date }
  | { kind: 'reactive'; nodeId: string; setting: ReactiveSetting }
  | { kind: 'frequencyResponse'; nodeId: string; enabled: boolean; deadBandHz?: number; droopPctPerHz?: number }
  | { kind: 'outOfService'; nodeId: string; mode: 'blocked' | 'off' | 'on'; reason: string };

export interface BulkChargePoint {
  info: ChargePointControlInfo;
  online: boolean;
  /** Latest measured import (W), null when unknown. */
  activePowerW: number | null;
}

export interface ImpactItem {
  chargePointId: string;
  cpoId: string;
  request: CommandRequest;
  currentW: number | null;
  /** Power this action takes away (W): current import above the new limit; all of it for blocked/off. */
  shedW: number;
  willComply: boolean;
  /** Why the device will not comply (offline, or the request does not fit it). */
  whyNot: string | null;
  /** Incapable devices are not sent anything; offline ones get a command that waits. */
  send: boolean;
}

export interface ImpactPreview {
  node: BulkNode;
  items: ImpactItem[];
  shedByCpoW: Record<string, number>;
  totalShedW: number;
  notComplying: { chargePointId: string; whyNot: string }[];
  needsSecondApproval: boolean;
  summary: string;
}

function requestsFor(req: BulkRequest, cps: readonly BulkChargePoint[]): CommandRequest[] {
  switch (req.kind) {
    case 'setImportLimit': {
      const shares = splitNodeLimit(req.importLimitW, cps.map((c) => ({ id: c.info.id, connectionPointId: null, ratedImportW: c.info.ratedImportW })), req.split);
      const fallbacks = req.fallbackW === undefined ? [] : splitNodeLimit(req.fallbackW, shares.map((s) => ({ id: s.chargePointId, connectionPointId: null, ratedImportW: s.importLimitW })), req.split);
      return shares.map((s, i) => ({
        kind: 'setImportLimit' as const,
        chargePointId: s.chargePointId,
        importLimitW: s.importLimitW,
        ...(req.fallbackTimeoutS !== undefined && fallbacks[i] ? { fallbackW: fallbacks[i].importLimitW, fallbackTimeoutS: req.fallbackTimeoutS } : {}),
        ...(req.endsAt ? { endsAt: req.endsAt } : {}),
      }));
    }
    case 'reactive':
      return cps.map((c) => ({ kind: 'reactive' as const, chargePointId: c.info.id, setting: req.setting }));
    case 'frequencyResponse':
      return cps.map((c) => {
        const r: CommandRequest = { kind: 'frequencyResponse', chargePointId: c.info.id, enabled: req.enabled };
        if (req.deadBandHz !== undefined) r.deadBandHz = req.deadBandHz;
        if (req.droopPctPerHz !== undefined) r.droopPctPerHz = req.droopPctPerHz;
        return r;
      });
    case 'outOfService':
      return cps.map((c) => ({ kind: 'outOfService' as const, chargePointId: c.info.id, mode: req.mode, reason: req.reason }));
  }
}

function shedOf(request: CommandRequest, currentW: number | null): number {
  const now = Math.max(0, currentW ?? 0);
  if (request.kind === 'setImportLimit') return Math.max(0, now - request.importLimitW);
  if (request.kind === 'outOfService' && request.mode !== 'on') return now;
  return 0;
}

function item(cp: BulkChargePoint, request: CommandRequest, now: Date): ImpactItem {
  let whyNot: string | null = null;
  let send = true;
  try {
    validateCommand(request, cp.info, now);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    whyNot = e.message;
    send = false;
  }
  if (send && !cp.online) whyNot = `${cp.info.id} is offline; its command will wait for it`;
  return { chargePointId: cp.info.id, cpoId: cp.info.cpoId, request, currentW: cp.activePowerW, shedW: send ? shedOf(request, cp.activePowerW) : 0, willComply: whyNot === null, whyNot, send };
}

const kw = (w: number): string => `${(w / 1000).toFixed(1)} kW`;

/** The preview; `secondApprovalAboveW` is the configurable threshold on the total shed. */
export function previewBulk(req: BulkRequest, node: BulkNode, cps: readonly BulkChargePoint[], now: Date, secondApprovalAboveW: number): ImpactPreview {
  if (cps.length === 0) throw new DomainError('invalid_input', `${node.name} has no charge points; choose a node with charge points under it.`, { nodeId: node.id });
  const requests = requestsFor(req, cps);
  const items = cps.map((cp, i) => item(cp, requests[i] ?? requests[0]!, now));
  const shedByCpoW: Record<string, number> = {};
  for (const it of items) shedByCpoW[it.cpoId] = (shedByCpoW[it.cpoId] ?? 0) + it.shedW;
  const totalShedW = items.reduce((s, it) => s + it.shedW, 0);
  const notComplying = items.filter((it) => it.whyNot !== null).map((it) => ({ chargePointId: it.chargePointId, whyNot: it.whyNot ?? '' }));
  const needsSecondApproval = totalShedW > secondApprovalAboveW;
  const perCpo = Object.entries(shedByCpoW).map(([cpo, w]) => `${cpo} ${kw(w)}`).join(', ');
  const summary = `${items.length} charge points under ${node.name}; ${kw(totalShedW)} shed (${perCpo}); ${notComplying.length} will not comply now${needsSecondApproval ? `; above ${kw(secondApprovalAboveW)}, so a second operator must approve` : ''}.`;
  return { node, items, shedByCpoW, totalShedW, notComplying, needsSecondApproval, summary };
}
