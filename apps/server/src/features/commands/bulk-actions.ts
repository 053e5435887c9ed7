// Bulk actions on a grid node: preview → confirmation → (above the threshold) a second operator's
// approval → one command per charge point, each outcome reported, so nothing is left half-applied
// without saying so.
//
//   previewed ──confirm──▶ awaitingApproval ──approve (another person)──▶ executed
//       │                        │
//       └──confirm (below threshold)──────────────────────────────────▶ executed
//       └──discard (previewed or awaitingApproval) ─────────────────▶ discarded
// (executing in between: outcomes saved one by one)
import { DomainError } from '../../errors.js';
import type { AuditEntry } from '../audit/audit-record.js';
import { previewBulk, type BulkChargePoint, type BulkNode, type BulkRequest, type ImpactItem, type ImpactPreview } from './bulk-preview.js';
import { assertMayControl, type CommandService } from './command.service.js';
import type { Actor, CommandState } from './command-types.js';
import type { Clock } from './command-runtime.js';

/** executing: outcomes are saved one by one, so an interrupted run still shows how far it got. */
export type BulkState = 'previewed' | 'awaitingApproval' | 'executing' | 'executed' | 'discarded';

export interface BulkOutcome {
  chargePointId: string;
  commandId: string | null;
  /** The command's state after sending, or 'notSent' (incapable) / 'refused' (refused before sending). */
  result: CommandState | 'notSent' | 'refused';
  note: string;
}

export interface BulkAction {
  id: string;
  request: BulkRequest;
  preview: ImpactPreview;
  state: BulkState;
  createdBy: Actor;
  confirmedBy: Actor | null;
  approvedBy: Actor | null;
  createdAt: Date;
  outcomes: BulkOutcome[];
  /** applied | partiallyApplied | notApplied, with a sentence; null until executed. */
  result: { status: 'applied' | 'partiallyApplied' | 'notApplied'; summary: string } | null;
}

export interface BulkDirectory {
  node(nodeId: string): Promise<BulkNode | undefined>;
  chargePointsUnder(nodeId: string): Promise<BulkChargePoint[]>;
}

/** Persistence of bulk actions (in memory until the BulkAction table exists). */
export interface BulkActionStore {
  save(action: BulkAction): Promise<void>;
  get(id: string): Promise<BulkAction | undefined>;
}

export class InMemoryBulkActionStore implements BulkActionStore {
  private readonly actions = new Map<string, BulkAction>();
  save(action: BulkAction): Promise<void> {
    this.actions.set(action.id, structuredClone(action));
    return Promise.resolve();
  }
  get(id: string): Promise<BulkAction | undefined> {
    const a = this.actions.get(id);
    return Promise.resolve(a ? structuredClone(a) : undefined);
  }
}

export interface BulkDeps {
  commands: CommandService;
  /** Default: in memory. */
  store?: BulkActionStore;
  directory: BulkDirectory;
  clock: Clock;
  newId: () => string;
  /** Total shed (W) above which a second operator must approve. */
  secondApprovalAboveW: number;
  audit?: { append(entry: AuditEntry): Promise<unknown> };
  /** How long commands to offline devices wait (default: the command service's default). */
  offlineDeadline?: (now: Date) => Date;
}

const who = (a: Actor): string => (a.kind === 'operator' ? a.userId : `automation:${a.name}`);
const roleOf = (a: Actor): string => (a.kind === 'operator' ? a.role : 'automation');

function summarise(outcomes: BulkOutcome[]): NonNullable<BulkAction['result']> {
  const ok = outcomes.filter((o) => o.result === 'acknowledged');
  const others = outcomes.filter((o) => o.result !== 'acknowledged');
  const status = others.length === 0 ? 'applied' : ok.length === 0 ? 'notApplied' : 'partiallyApplied';
  const details = others.map((o) => `${o.chargePointId} ${o.result}: ${o.note}`).join('; ');
  return { status, summary: `${ok.length} of ${outcomes.length} charge points acknowledged${details ? `; ${details}` : ''}.` };
}

export function createBulkActions(deps: BulkDeps) {
  const store = deps.store ?? new InMemoryBulkActionStore();

  async function audit(action: string, a: BulkAction, actor: Actor, outcome: string, details: Record<string, unknown> = {}): Promise<void> {
    await deps.audit?.append({ at: deps.clock.now(), actorId: who(actor), actorRole: roleOf(actor), action, target: `node:${a.preview.node.id}`, outcome, details: { bulkActionId: a.id, kind: a.request.kind, ...details } });
  }

  async function load(id: string): Promise<BulkAction> {
    const a = await store.get(id);
    if (!a) throw new DomainError('not_found', `There is no bulk action ${id}.`, { bulkActionId: id });
    return a;
  }

  async function preview(request: BulkRequest, actor: Actor): Promise<BulkAction> {
    assertMayControl(actor);
    const node = await deps.directory.node(request.nodeId);
    if (!node) throw new DomainError('not_found', `There is no grid node ${request.nodeId}.`, { nodeId: request.nodeId });
    const p = previewBulk(request, node, await deps.directory.chargePointsUnder(node.id), deps.clock.now(), deps.secondApprovalAboveW);
    const a: BulkAction = { id: deps.newId(), request, preview: p, state: 'previewed', createdBy: actor, confirmedBy: null, approvedBy: null, createdAt: deps.clock.now(), outcomes: [], result: null };
    await store.save(a);
    await audit('bulk.previewed', a, actor, 'previewed', { summary: p.summary, totalShedW: p.totalShedW });
    return a;
  }

  /** One charge point of a bulk action: not sent (incapable), refused before sending, or its command's state. */
  async function runItem(a: BulkAction, it: ImpactItem, deadline: Date | undefined): Promise<void> {
    if (!it.send) {
      a.outcomes.push({ chargePointId: it.chargePointId, commandId: null, result: 'notSent', note: it.whyNot ?? 'not sent' });
      return;
    }
    try {
      const c = await deps.commands.request({ request: it.request, actor: a.createdBy, bulkActionId: a.id, whenOffline: 'wait', ...(deadline ? { deadline } : {}) });
      a.outcomes.push({ chargePointId: it.chargePointId, commandId: c.id, result: c.state, note: c.outcome ?? c.transitions.at(-1)?.note ?? '' });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      a.outcomes.push({ chargePointId: it.chargePointId, commandId: null, result: 'refused', note: e.message });
    }
  }

  async function execute(a: BulkAction, actor: Actor): Promise<BulkAction> {
    const deadline = deps.offlineDeadline?.(deps.clock.now());
    a.state = 'executing';
    await store.save(a);
    for (const it of a.preview.items) {
      await runItem(a, it, deadline);
      await store.save(a);
    }
    a.state = 'executed';
    a.result = summarise(a.outcomes);
    await store.save(a);
    await audit('bulk.executed', a, actor, a.result.status, { summary: a.result.summary, outcomes: a.outcomes });
    return a;
  }

  /** The operator confirms the preview; below the threshold this sends at once. */
  async function confirm(id: string, actor: Actor): Promise<BulkAction> {
    assertMayControl(actor);
    const a = await load(id);
    if (a.state !== 'previewed') throw new DomainError('conflict', `Bulk action ${id} is ${a.state}; only a previewed action can be confirmed.`, { state: a.state });
    a.confirmedBy = actor;
    if (a.preview.needsSecondApproval) {
      a.state = 'awaitingApproval';
      await store.save(a);
      await audit('bulk.confirmed', a, actor, 'awaitingApproval');
      return a;
    }
    await audit('bulk.confirmed', a, actor, 'confirmed');
    return execute(a, actor);
  }

  /** A second operator (not the one who created or confirmed it) approves; then it is sent. */
  async function approve(id: string, approver: Actor): Promise<BulkAction> {
    assertMayControl(approver);
    const a = await load(id);
    if (a.state !== 'awaitingApproval') throw new DomainError('conflict', `Bulk action ${id} is ${a.state}; it is not waiting for approval.`, { state: a.state });
    if (approver.kind !== 'operator') throw new DomainError('forbidden', 'A person must approve a bulk action; automation cannot.', {});
    const same = [a.createdBy, a.confirmedBy].some((x) => x && who(x) === who(approver));
    if (same) throw new DomainError('forbidden', `A second operator must approve; ${approver.userId} created or confirmed this action.`, { bulkActionId: id });
    a.approvedBy = approver;
    await store.save(a);
    await audit('bulk.approved', a, approver, 'approved');
    return execute(a, approver);
  }

  async function discard(id: string, actor: Actor, reason: string): Promise<BulkAction> {
    assertMayControl(actor);
    const a = await load(id);
    if (a.state !== 'previewed' && a.state !== 'awaitingApproval') throw new DomainError('conflict', `Bulk action ${id} is ${a.state}; it can no longer be discarded.`, { state: a.state });
    a.state = 'discarded';
    await store.save(a);
    await audit('bulk.discarded', a, actor, 'discarded', { reason });
    return a;
  }

  return { preview, confirm, approve, discard, get: load };
}
