// The command lifecycle as a table of allowed transitions (README.md draws it):
//
//   requested ─┬─▶ sent ─┬─▶ acknowledged ─┬─▶ verified ─────┬─▶ expired
//              │         │                 └─▶ notVerified ──┤─▶ cancelled
//              │         ├─▶ rejected ──┐                    │
//              │         └─▶ timedOut ──┴──(retry, new ctlNum)─▶ sent
//              ├─▶ waiting ─┬─▶ sent
//              │            └─▶ expired (deadline) | cancelled
//              ├─▶ failed (offline, fail at once)
//              └─▶ cancelled
import { DomainError } from '../../errors.js';
import type { Command, CommandState, Transition } from './command-types.js';

const ALLOWED: Record<CommandState, readonly CommandState[]> = {
  requested: ['sent', 'waiting', 'failed', 'cancelled'],
  waiting: ['sent', 'expired', 'cancelled'],
  sent: ['acknowledged', 'rejected', 'timedOut'],
  acknowledged: ['verified', 'notVerified', 'expired', 'cancelled'],
  rejected: ['sent'],
  timedOut: ['sent'],
  failed: [],
  verified: ['expired', 'cancelled'],
  notVerified: ['sent', 'expired', 'cancelled'],
  expired: [],
  cancelled: [],
};

/** States in which a command is still in flight (a second one on the same function conflicts). */
export const IN_FLIGHT: readonly CommandState[] = ['requested', 'waiting', 'sent', 'acknowledged'];
/** States from which an operator may retry (a new attempt with a new ctlNum). */
export const RETRYABLE: readonly CommandState[] = ['rejected', 'timedOut', 'notVerified'];

export function canTransition(from: CommandState, to: CommandState): boolean {
  return ALLOWED[from].includes(to);
}

export function isTerminal(state: CommandState): boolean {
  return ALLOWED[state].length === 0;
}

/** The command after one transition; refuses a transition the lifecycle does not allow. */
export function transition(command: Command, step: Omit<Transition, 'from'>): Command {
  if (!canTransition(command.state, step.to)) {
    throw new DomainError('conflict', `Command ${command.id} is ${command.state}; it cannot become ${step.to}.`, { commandId: command.id, from: command.state, to: step.to });
  }
  const record: Transition = { ...step, from: command.state };
  return {
    ...command,
    state: step.to,
    updatedAt: step.at,
    ctlNum: step.ctlNum ?? command.ctlNum,
    transitions: [...command.transitions, record],
  };
}
