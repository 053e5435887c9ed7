// Framing of one association: frame size limits, JER decode / encode, the frame counters and the
// log lines of bad frames. The association above it only sees decoded PDUs and classified problems.
import { decodePdu, encodePdu } from '../codec/index.js';
import type { JerDecodeError } from '../codec/index.js';
import type { TpaaPdu } from '../pdu/index.js';
import type { MessageChannel } from '../transport/channel.js';
import { excerpt } from './types.js';
import type { AssociationStats, Logger } from './types.js';

export type InboundFrame =
  | { ok: true; pdu: TpaaPdu }
  | { ok: false; problem: 'oversize'; size: number }
  | { ok: false; problem: 'undecodable'; error: JerDecodeError };

export class PduLink {
  /** What the peer accepts (from its associate PDU); unlimited until known. */
  peerMaxMessageSize = Number.MAX_SAFE_INTEGER;

  constructor(
    private readonly channel: MessageChannel,
    private readonly stats: AssociationStats,
    private readonly logger: Logger,
    readonly maxOwnMessageSize: number,
  ) {}

  /** Size check and decode of one inbound frame; incidents are counted and logged here. */
  receive(text: string, size: number): InboundFrame {
    this.stats.framesIn += 1;
    if (size > this.maxOwnMessageSize) {
      this.stats.oversizeFrames += 1;
      this.logger.warn('frame larger than maxMessageSize', { channel: this.channel.label, size, frame: excerpt(text) });
      return { ok: false, problem: 'oversize', size };
    }
    const decoded = decodePdu(text);
    if (decoded.ok) return { ok: true, pdu: decoded.value };
    this.stats.decodeErrors += 1;
    this.logger.warn('undecodable frame', {
      channel: this.channel.label,
      path: decoded.error.path,
      error: decoded.error.message,
      frame: excerpt(text),
    });
    return { ok: false, problem: 'undecodable', error: decoded.error };
  }

  /** Encodes and sends; false when the value does not encode or the peer would not accept its size. */
  send(pdu: TpaaPdu): boolean {
    let text: string;
    try {
      text = encodePdu(pdu);
    } catch (error) {
      this.logger.warn('cannot encode outbound PDU', { channel: this.channel.label, error: String(error) });
      return false;
    }
    if (Buffer.byteLength(text) > this.peerMaxMessageSize) {
      this.logger.warn('outbound frame exceeds peer maxMessageSize', { channel: this.channel.label, frame: excerpt(text) });
      return false;
    }
    this.stats.framesOut += 1;
    this.channel.send(text);
    return true;
  }
}
