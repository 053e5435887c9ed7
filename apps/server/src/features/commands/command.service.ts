// The command service: takes a request, checks who asks and what (before anything is sent),
// refuses a second conflicting command on the same charge point, then drives the device port and
// the lifecycle; retry, cancel and verification. Functions of (deps, input); no transport, no ORM.
import { DomainError } from '../../errors.js';
import { CONTROL_ROLES } from '../auth/roles.js';
import { CtlNumAllocator } from './command-sender.js';
import { restorePreviousLimit, stopDischarge } from './command-window.js';
import { IN_FLIGHT, RETRYABLE } from './command-state-machine.js';
import { completeAttempt, directoryEntry, markSent, move, save, sendAttempt, type CommandDeps, type Runtime } from './command-runtime.js';
import { originOf, type Actor, type Command, type CommandKind, type CommandRequest } from './command-types.js';
import { validateCommand } from './command-validation.js';
import type { Observation } from './verification.js';
import { settleVerification } from './command-verify.js';

export interface CommandInput {
  request: CommandRequest;
  actor: Actor;
  /** Device offline: wait until the deadline (default), or fail at once. */
  whenOffline?: 'wait' | 'fail';
  deadline?: Date;
  bulkActionId?: string;
}

export function assertMayControl(actor: Actor): void {
  if (actor.kind === 'operator' && !CONTROL_ROLES.includes(actor.role)) {
    throw new DomainError('forbidden', `Only operators and admins may send controls; your role is ${actor.role}.`, { role: actor.role });
  }
}

/** Which function a command acts on; two running commands on one function conflict. */
const FUNCTION_OF: Record<CommandKind, string | null> = {
  setImportLimit: 'import limit',
  setFallback: 'import limit',
  v2gDischarge: 'V2G discharge',
  reactive: 'reactive power',
  frequencyResponse: 'frequency response',
  outOfService: 'mode',
  readMeter: null,
};

function conflicts(a: CommandKind, b: CommandKind): boolean {
  if (FUNCTION_OF[a] === null || FUNCTION_OF[b] === null) return false;
  return a === 'outOfService' || b === 'outOfService' || FUNCTION_OF[a] === FUNCTION_OF[b];
}

/** Still running: in flight, or a discharge whose window has not ended. */
export function isRunning(c: Command, now: Date): boolean {
  if (IN_FLIGHT.includes(c.state)) return true;
  return c.kind === 'v2gDischarge' && (c.state === 'verified' || c.state === 'notVerified') && c.endsAt !== null && c.endsAt.getTime() > now.getTime();
}

export function createCommandService(deps: CommandDeps) {
  const rt: Runtime = { ...deps, ctlNums: new CtlNumAllocator() };
  const locks = new Map<string, Promise<unknown>>();
  /** Check-then-insert per charge point without interleaving. */
  const serialise = <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const run = (locks.get(key) ?? Promise.resolve()).then(fn);
    locks.set(key, run.catch(() => undefined));
    return run;
  };

  async function assertNoConflict(kind: CommandKind, chargePointId: string, exceptId?: string): Promise<void> {
    const now = rt.clock.now();
    const running = (await rt.store.list({ chargePointId })).filter((c) => c.id !== exceptId && isRunning(c, now) && conflicts(kind, c.kind));
    const other = running[0];
    if (other) {
      throw new DomainError('conflict', `Command ${other.id} (${other.kind}, ${other.state}) is still running on ${chargePointId}'s ${FUNCTION_OF[other.kind] ?? 'function'}; wait for it to finish or cancel it first.`, { runningCommandId: other.id, state: other.state });
    }
  }

  function newCommand(input: CommandInput, deadline: Date | null): Command {
    const now = rt.clock.now();
    const r = input.request;
    const origin = originOf(input.actor);
    const endsAt = r.kind === 'setImportLimit' ? (r.endsAt ?? null) : null;
    const first = { from: null, to: 'requested' as const, at: now, ...origin, ctlNum: null, note: `requested ${r.kind}` };
    const c: Command = { id: rt.newId(), kind: r.kind, chargePointId: r.chargePointId, request: r, state: 'requested', requestedBy: input.actor, ...origin, ctlNum: null, attempts: 0, createdAt: now, updatedAt: now, deadline, endsAt, outcome: null, verification: null, transitions: [first] };
    if (input.bulkActionId !== undefined) c.bulkActionId = input.bulkActionId;
    return c;
  }

  function offlineDeadline(input: CommandInput): Date | null {
    if (input.whenOffline === 'fail') return null;
    const now = rt.clock.now();
    const deadline = input.deadline ?? new Date(now.getTime() + (rt.defaultOfflineWaitS ?? 900) * 1000);
    if (deadline.getTime() <= now.getTime()) throw new DomainError('invalid_input', 'The deadline for an offline device is in the past; choose a later one.', { field: 'deadline' });
    return deadline;
  }

  /** Validates, refuses conflicts, stores the command, then sends it (or waits / fails when offline). */
  async function request(input: CommandInput): Promise<Command> {
    assertMayControl(input.actor);
    const cp = await directoryEntry(rt, input.request.chargePointId);
    validateCommand(input.request, cp, rt.clock.now());
    const deadline = offlineDeadline(input);
    const created = await serialise(cp.id, async () => {
      await assertNoConflict(input.request.kind, cp.id);
      return save(rt, null, newCommand(input, deadline), input.actor);
    });
    if (rt.device.isOnline(cp.id)) return sendAttempt(rt, created, cp, input.actor);
    if (input.whenOffline === 'fail') {
      return move(rt, created, 'failed', input.actor, `${cp.id} is offline; nothing was sent (fail at once was chosen).`, {}, { outcome: `${cp.id} is offline` });
    }
    return move(rt, created, 'waiting', input.actor, `${cp.id} is offline; waiting until ${deadline?.toISOString() ?? '?'}.`);
  }

  async function load(id: string): Promise<Command> {
    const c = await rt.store.get(id);
    if (!c) throw new DomainError('not_found', `There is no command ${id}.`, { commandId: id });
    return c;
  }

  /** A new attempt (new ctlNum) of a rejected, timed-out or not verified command. */
  async function retry(id: string, actor: Actor): Promise<Command> {
    assertMayControl(actor);
    const c = await load(id);
    if (!RETRYABLE.includes(c.state)) throw new DomainError('conflict', `Command ${id} is ${c.state}; only a rejected, timed-out or not verified command can be retried.`, { state: c.state });
    const cp = await directoryEntry(rt, c.chargePointId);
    validateCommand(c.request, cp, rt.clock.now());
    if (!rt.device.isOnline(cp.id)) throw new DomainError('conflict', `${cp.id} is offline; retry when it is back, or send a new command that waits.`, { chargePointId: cp.id });
    // check and mark sent without interleaving, so a concurrent request sees this one in flight
    const prepared = await serialise(cp.id, async () => {
      await assertNoConflict(c.kind, cp.id, c.id);
      return markSent(rt, c, cp, actor);
    });
    return completeAttempt(rt, prepared, cp, actor);
  }

  /** Cancels a command; a running discharge is first stopped by operating DAGC1.WSpt back to 0. */
  async function cancel(id: string, actor: Actor, reason: string): Promise<Command> {
    assertMayControl(actor);
    const c = await load(id);
    if (c.state === 'sent') throw new DomainError('conflict', `Command ${id} is on its way to the device; cancel it once the device has answered.`, { state: c.state });
    if (!['requested', 'waiting', 'acknowledged', 'verified', 'notVerified'].includes(c.state)) {
      throw new DomainError('conflict', `Command ${id} is ${c.state}; there is nothing to cancel.`, { state: c.state });
    }
    if (c.kind === 'v2gDischarge' && c.state !== 'requested' && c.state !== 'waiting') {
      const stopped = await stopDischarge(rt, c, actor);
      if (!stopped.ok) return stopped.command;
    }
    const cancelled = await move(rt, c, 'cancelled', actor, `cancelled: ${reason}`);
    // a windowed limit that had reached the device: put the previous schedule back
    if (c.state !== 'requested' && c.state !== 'waiting') await restorePreviousLimit(rt, c);
    return cancelled;
  }

  /** Verdict from the values reported since the acknowledgement; undecided until the window has passed. */
  async function verify(id: string, observations: readonly Observation[]): Promise<Command> {
    return settleVerification(rt, await load(id), observations);
  }

  return { request, retry, cancel, verify, get: load, list: (q?: Parameters<typeof rt.store.list>[0]) => rt.store.list(q), runtime: rt };
}

export type CommandService = ReturnType<typeof createCommandService>;
