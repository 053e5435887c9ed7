// Shared shapes of the association layer: logger, statistics, outcomes, reasons.
import type { ResponseServiceType } from '../pdu/index.js';
import type { ChannelCloseCause } from '../transport/channel.js';

/** Injectable logger; the default does nothing. */
export interface Logger {
  warn(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  debug(message: string, meta?: Record<string, unknown>): void;
}

export const silentLogger: Logger = {
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};

/** A short, single-line excerpt of a frame for a log line. */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max)}… (${text.length} chars)`;
}

/** Counters of one association; incidents (bad frames, protocol errors) are counted here. */
export interface AssociationStats {
  framesIn: number;
  framesOut: number;
  requestsSent: number;
  responsesReceived: number;
  requestsReceived: number;
  unconfirmedReceived: number;
  unconfirmedSent: number;
  decodeErrors: number;
  protocolErrors: number;
  oversizeFrames: number;
  timeouts: number;
  lateResponses: number;
  queueFull: number;
  busyRejects: number;
}

export function emptyStats(): AssociationStats {
  return {
    framesIn: 0,
    framesOut: 0,
    requestsSent: 0,
    responsesReceived: 0,
    requestsReceived: 0,
    unconfirmedReceived: 0,
    unconfirmedSent: 0,
    decodeErrors: 0,
    protocolErrors: 0,
    oversizeFrames: 0,
    timeouts: 0,
    lateResponses: 0,
    queueFull: 0,
    busyRejects: 0,
  };
}

/** Why a call produced no response. */
export type CallFailure = 'timeout' | 'down' | 'queueFull' | 'tooLarge' | 'notAssociated';

export type CallOutcome =
  | { ok: true; service: ResponseServiceType }
  | { ok: false; reason: CallFailure };

export type DownCause =
  | ChannelCloseCause
  | 'released'
  | 'releasedByPeer'
  | 'aborted'
  | 'abortedByPeer'
  | 'protocolError'
  | 'refused'
  | 'associateTimeout';

export interface DownReason {
  cause: DownCause;
  detail?: string;
}

export type AssociationState = 'associating' | 'up' | 'closing' | 'down';
