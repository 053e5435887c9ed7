// The answering side of an association: at most `window` requests served at once (beyond it the
// peer gets failedDueToCommunicationsConstraint), a handler that throws or is slower than the
// request timeout answers failedDueToServerConstraint. Timers are cleared on close.
import type { RequestServiceType, ResponseServiceType } from '../pdu/index.js';
import type { AssociationStats, Logger } from './types.js';

export class RequestServer {
  private serving = 0;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly options: { window: number; limitMs: number; label: string; logger: Logger; stats: AssociationStats },
  ) {}

  /** Runs a handler for one request, or refuses when the window is full. Never rejects. */
  async serve(handler: (service: RequestServiceType) => ResponseServiceType | Promise<ResponseServiceType>, service: RequestServiceType): Promise<ResponseServiceType> {
    if (this.serving >= this.options.window) {
      this.options.stats.busyRejects += 1;
      return { serviceError: 'failedDueToCommunicationsConstraint' };
    }
    this.serving += 1;
    let timer: NodeJS.Timeout | undefined;
    const overdue = new Promise<ResponseServiceType>((resolve) => {
      timer = setTimeout(() => {
        this.options.logger.warn('request handler overdue', { channel: this.options.label, service: Object.keys(service)[0] });
        resolve({ serviceError: 'failedDueToServerConstraint' });
      }, this.options.limitMs);
      this.timers.add(timer);
    });
    try {
      return await Promise.race([Promise.resolve().then(() => handler(service)), overdue]);
    } catch (error) {
      this.options.logger.warn('request handler failed', { channel: this.options.label, error: String(error) });
      return { serviceError: 'failedDueToServerConstraint' };
    } finally {
      this.serving -= 1;
      clearTimeout(timer);
      if (timer) this.timers.delete(timer);
    }
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
