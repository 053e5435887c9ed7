// Commands are records with a lifecycle (ARCHITECTURE.md principles; DOMAIN.md §4 "Control").
// This file holds the shapes only: what an operator (or automation) asks for, the stored record,
// and every transition with time, origin (orCat, orIdent) and ctlNum.
import type { ControlServiceStatusKind, ServiceStatusKind } from '@dso/iec61850';
import type { Role } from '../auth/roles.js';

export const COMMAND_KINDS = ['setImportLimit', 'setFallback', 'v2gDischarge', 'reactive', 'frequencyResponse', 'outOfService', 'readMeter'] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];

/** Load sign convention: + absorbing (inductive, like a motor), − injecting (capacitive). */
export type ReactiveDirection = 'absorbing' | 'injecting';

export type ReactiveSetting =
  | { mode: 'powerFactor'; powerFactor: number; direction: ReactiveDirection }
  | { mode: 'fixedQ'; reactivePowerVar: number; direction: ReactiveDirection }
  | { mode: 'off' };

export type CommandRequest =
  | { kind: 'setImportLimit'; chargePointId: string; importLimitW: number; fallbackW?: number; fallbackTimeoutS?: number; endsAt?: Date; scheduleId?: string }
  | { kind: 'setFallback'; chargePointId: string; fallbackW: number; fallbackTimeoutS: number }
  | { kind: 'v2gDischarge'; chargePointId: string; evseNo: number; dischargeW: number; durationS: number }
  | { kind: 'reactive'; chargePointId: string; setting: ReactiveSetting }
  | { kind: 'frequencyResponse'; chargePointId: string; enabled: boolean; deadBandHz?: number; droopPctPerHz?: number }
  | { kind: 'outOfService'; chargePointId: string; mode: 'blocked' | 'off' | 'on'; reason: string }
  | { kind: 'readMeter'; chargePointId: string; method: 'gi' | 'getDataValues' };

/** Who asks: a person (orCat remote-control) or the DSO's automation (orCat automatic-remote). */
export type Actor = { kind: 'operator'; userId: string; role: Role } | { kind: 'automation'; name: string };

export type OrCat = 'remoteControl' | 'automaticRemote';

export const COMMAND_STATES = [
  'requested', // stored, not yet sent
  'waiting', // device offline; sent when it comes back, unless the deadline passes
  'sent', // on the wire, with a ctlNum
  'acknowledged', // the device accepted (positive response / CommandTermination+)
  'rejected', // the device refused: serviceError and/or AddCause
  'timedOut', // no answer in time
  'failed', // could not be sent (device offline and the operator chose to fail at once)
  'verified', // the reported values agree with the command
  'notVerified', // acknowledged, but the reported values do not agree (with why)
  'expired', // its window ended, or its offline deadline passed
  'cancelled', // stopped by an operator
] as const;
export type CommandState = (typeof COMMAND_STATES)[number];

export interface Transition {
  from: CommandState | null;
  to: CommandState;
  at: Date;
  orCat: OrCat;
  orIdent: string;
  ctlNum: number | null;
  note: string;
  serviceError?: ServiceStatusKind;
  addCause?: ControlServiceStatusKind;
}

export interface VerificationCheck {
  quantity: string;
  expected: string;
  observed: string | null;
  ok: boolean;
}

export interface Verification {
  verified: boolean;
  checks: VerificationCheck[];
  why: string;
}

export interface Command {
  id: string;
  kind: CommandKind;
  chargePointId: string;
  request: CommandRequest;
  state: CommandState;
  requestedBy: Actor;
  orCat: OrCat;
  orIdent: string;
  /** ctlNum of the latest attempt (null before the first). */
  ctlNum: number | null;
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
  /** Offline commands: when waiting gives up. */
  deadline: Date | null;
  /** Windowed commands (V2G, windowed limit): when the action ends (V2G: operate back to 0). */
  endsAt: Date | null;
  /** The latest device refusal or failure, in words. */
  outcome: string | null;
  verification: Verification | null;
  transitions: Transition[];
  /** Set when the command belongs to a bulk action. */
  bulkActionId?: string;
}

export function originOf(actor: Actor): { orCat: OrCat; orIdent: string } {
  return actor.kind === 'operator' ? { orCat: 'remoteControl', orIdent: actor.userId } : { orCat: 'automaticRemote', orIdent: `automation:${actor.name}` };
}
