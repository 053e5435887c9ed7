// What the command service and its scheduler share: the dependencies (ports), storing a
// transition (store → live publish → audit), and sending one attempt.
import type { AuditEntry } from '../audit/audit-record.js';
import { DomainError } from '../../errors.js';
import { stepsFor, type DeviceStep } from './command-profile.js';
import { CtlNumAllocator, runAttempt } from './command-sender.js';
import { transition } from './command-state-machine.js';
import type { CommandStore } from './command-store.js';
import { originOf, type Actor, type Command, type CommandRequest, type CommandState, type Transition } from './command-types.js';
import type { ChargePointControlInfo, ChargePointDirectory } from './control-target.js';
import type { DeviceControlPort, DeviceTarget } from './device-control-port.js';
import type { Observation, VerificationSettings } from './verification.js';

export interface Clock {
  now(): Date;
}

export interface CommandDeps {
  store: CommandStore;
  device: DeviceControlPort;
  directory: ChargePointDirectory;
  clock: Clock;
  newId: () => string;
  audit?: { append(entry: AuditEntry): Promise<unknown> };
  /** Live updates (the tRPC onUpdate subscription reads the bus this feeds). */
  publish?: (command: Command) => void;
  verification?: VerificationSettings;
  /** How long an offline command waits when the operator gives no deadline (default 15 min). */
  defaultOfflineWaitS?: number;
  /** At a windowed limit's end: what to send to restore the previous schedule (limits.service actionAtWindowEnd). */
  restoreAfterWindow?: (command: Command) => Promise<CommandRequest | undefined>;
  /** The values reported for a command's charge point (for overdue verification in the scheduler). */
  observationsFor?: (command: Command) => Promise<Observation[]>;
}

export interface Runtime extends CommandDeps {
  ctlNums: CtlNumAllocator;
}

export const automation = (name: string): Actor => ({ kind: 'automation', name });

export async function directoryEntry(rt: Runtime, chargePointId: string): Promise<ChargePointControlInfo> {
  const cp = await rt.directory.get(chargePointId);
  if (!cp) throw new DomainError('not_found', `There is no charge point ${chargePointId}.`, { chargePointId });
  return cp;
}

export const targetOf = (cp: ChargePointControlInfo): DeviceTarget => ({ chargePointId: cp.id, accessPoint: cp.accessPoint, ldName: cp.ldName });

function auditEntry(c: Command, t: Transition, actor: Actor): AuditEntry {
  const details: Record<string, unknown> = { commandId: c.id, kind: c.kind, from: t.from, ctlNum: t.ctlNum, note: t.note, orCat: t.orCat };
  if (t.addCause) details.addCause = t.addCause;
  if (t.serviceError) details.serviceError = t.serviceError;
  if (t.from === null) details.request = c.request;
  return { at: t.at, actorId: t.orIdent, actorRole: actor.kind === 'operator' ? actor.role : 'automation', action: `command.${t.to}`, target: `chargePoint:${c.chargePointId}`, outcome: t.to, details };
}

/** Stores a changed command (compare-and-set on the previous state), publishes it and audits its last transition. */
export async function save(rt: Runtime, previous: Command | null, next: Command, actor: Actor): Promise<Command> {
  if (previous) await rt.store.update(next, previous.state);
  else await rt.store.insert(next);
  rt.publish?.(next);
  const last = next.transitions.at(-1);
  if (last && rt.audit) await rt.audit.append(auditEntry(next, last, actor));
  return next;
}

export type StepExtra = Partial<Pick<Transition, 'ctlNum' | 'serviceError' | 'addCause'>>;

/** One lifecycle step, stored. */
export async function move(rt: Runtime, c: Command, to: CommandState, actor: Actor, note: string, extra: StepExtra = {}, patch: Partial<Command> = {}): Promise<Command> {
  const next = transition({ ...c, ...patch }, { to, at: rt.clock.now(), ...originOf(actor), ctlNum: extra.ctlNum ?? null, note, ...stripUndefined(extra) });
  return save(rt, c, next, actor);
}

function stripUndefined(extra: StepExtra): Pick<Transition, 'serviceError' | 'addCause'> {
  const out: Pick<Transition, 'serviceError' | 'addCause'> = {};
  if (extra.serviceError !== undefined) out.serviceError = extra.serviceError;
  if (extra.addCause !== undefined) out.addCause = extra.addCause;
  return out;
}

/** The ctlNums an attempt will use: one fresh number per control step. */
interface PreparedAttempt {
  command: Command;
  steps: DeviceStep[];
  ctlNums: number[];
}

/** First half of an attempt: the command becomes `sent` with its ctlNum(s) (stored before anything goes out). */
export async function markSent(rt: Runtime, c: Command, cp: ChargePointControlInfo, actor: Actor): Promise<PreparedAttempt> {
  const steps = stepsFor(c.request, cp);
  const controls = steps.filter((s) => s.op === 'operate' || s.op === 'selectOperate').length;
  const ctlNums = Array.from({ length: controls }, () => rt.ctlNums.take(cp.id));
  const now = rt.clock.now();
  const endsAt = c.request.kind === 'v2gDischarge' ? new Date(now.getTime() + c.request.durationS * 1000) : c.endsAt;
  const numbers = ctlNums.length > 0 ? ` with ctlNum ${ctlNums.join(', ')}` : '';
  const command = await move(rt, c, 'sent', actor, `attempt ${c.attempts + 1}${numbers}`, { ctlNum: ctlNums[0] ?? null }, { attempts: c.attempts + 1, endsAt });
  return { command, steps, ctlNums };
}

/** Second half: the device calls (origin = who sends this attempt), then acknowledged | rejected | timedOut. */
export async function completeAttempt(rt: Runtime, prepared: PreparedAttempt, cp: ChargePointControlInfo, actor: Actor): Promise<Command> {
  let i = 0;
  const { ctlNums } = prepared;
  const outcome = await runAttempt(rt.device, targetOf(cp), prepared.steps, originOf(actor), () => ctlNums[i++] ?? rt.ctlNums.take(cp.id));
  const lastCtlNum = outcome.ctlNums.at(-1) ?? null;
  if (outcome.ok) return move(rt, prepared.command, 'acknowledged', actor, outcome.note, { ctlNum: lastCtlNum }, { outcome: null });
  const sent = { ...prepared.command, outcome: outcome.note };
  return move(rt, sent, outcome.timedOut ? 'timedOut' : 'rejected', actor, outcome.note, { ctlNum: lastCtlNum, ...outcome.refusal });
}

/** Sends one attempt: sent (with its ctlNum) → acknowledged | rejected | timedOut. */
export async function sendAttempt(rt: Runtime, c: Command, cp: ChargePointControlInfo, actor: Actor): Promise<Command> {
  return completeAttempt(rt, await markSent(rt, c, cp, actor), cp, actor);
}
