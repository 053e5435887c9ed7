// Outstanding confirmed calls of one association: invokeId → pending call, a per-call timeout,
// at most `maxInFlight` on the wire, the rest in a bounded FIFO queue (back-pressure).
import type { RequestServiceType, ResponseServiceType } from '../pdu/index.js';
import type { CallFailure, CallOutcome } from './types.js';

interface Pending {
  invokeId: number;
  service: RequestServiceType;
  resolve: (outcome: CallOutcome) => void;
  timer: NodeJS.Timeout;
  sent: boolean;
}

export interface CallQueueOptions {
  maxQueued: number;
  /** Puts one request on the wire; false when it could not be sent (too large). */
  transmit: (invokeId: number, service: RequestServiceType) => boolean;
  nextInvokeId: () => number;
  onTimeout: (invokeId: number) => void;
}

const LATE_MEMORY = 1_024;

export class CallQueue {
  private readonly inFlight = new Map<number, Pending>();
  private readonly waiting: Pending[] = [];
  private readonly timedOut = new Set<number>();
  private maxInFlight = 1;
  private closed = false;
  private opened = false;

  constructor(private readonly options: CallQueueOptions) {}

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  get queuedCount(): number {
    return this.waiting.length;
  }

  /** Opens the queue (after association) with the negotiated window. */
  open(maxInFlight: number): void {
    this.maxInFlight = Math.max(1, maxInFlight);
    this.opened = true;
    this.pump();
  }

  enqueue(service: RequestServiceType, timeoutMs: number): Promise<CallOutcome> | CallFailure {
    if (this.closed) return 'down';
    if (this.waiting.length >= this.options.maxQueued) return 'queueFull';
    return new Promise<CallOutcome>((resolve) => {
      const pending: Pending = {
        invokeId: 0,
        service,
        resolve,
        sent: false,
        timer: setTimeout(() => this.expire(pending), timeoutMs),
      };
      this.waiting.push(pending);
      this.pump();
    });
  }

  /** A response arrived: 'settled', 'late' (its call had timed out) or 'unknown'. */
  settle(invokeId: number, service: ResponseServiceType): 'settled' | 'late' | 'unknown' {
    const pending = this.inFlight.get(invokeId);
    if (!pending) {
      if (this.timedOut.delete(invokeId)) return 'late';
      return 'unknown';
    }
    this.finish(pending, { ok: true, service });
    return 'settled';
  }

  /** Fails every call (association down); the queue stays closed. */
  failAll(reason: CallFailure): void {
    this.closed = true;
    const all = [...this.inFlight.values(), ...this.waiting];
    this.inFlight.clear();
    this.waiting.length = 0;
    this.timedOut.clear();
    for (const pending of all) {
      clearTimeout(pending.timer);
      pending.resolve({ ok: false, reason });
    }
  }

  private finish(pending: Pending, outcome: CallOutcome): void {
    clearTimeout(pending.timer);
    this.inFlight.delete(pending.invokeId);
    pending.resolve(outcome);
    this.pump();
  }

  private expire(pending: Pending): void {
    if (pending.sent) {
      this.timedOut.add(pending.invokeId);
      if (this.timedOut.size > LATE_MEMORY) {
        const oldest = this.timedOut.values().next();
        if (!oldest.done) this.timedOut.delete(oldest.value);
      }
      this.options.onTimeout(pending.invokeId);
    } else {
      const index = this.waiting.indexOf(pending);
      if (index >= 0) this.waiting.splice(index, 1);
    }
    this.finish(pending, { ok: false, reason: 'timeout' });
  }

  private pump(): void {
    while (this.opened && !this.closed && this.inFlight.size < this.maxInFlight && this.waiting.length > 0) {
      const pending = this.waiting.shift();
      if (!pending) return;
      pending.invokeId = this.options.nextInvokeId();
      pending.sent = true;
      this.inFlight.set(pending.invokeId, pending);
      if (!this.options.transmit(pending.invokeId, pending.service)) {
        this.finish(pending, { ok: false, reason: 'tooLarge' });
      }
    }
  }
}
