// One access point's DSO link: dial in with the device token (reverse mode: WebSocket client, ACSI
// server), reconnect with exponential back-off after any loss, and hold the link down on request
// (a scenario's "drop the DSO link"). The IED model and its BRCB buffers live in the AcsiServer
// and keep filling while the link is down.
import { connect } from '@dso/iec61850';
import type { AcsiServer, Association, KeepAliveOptions, WsChannel } from '@dso/iec61850';
import type { Prng } from './prng.js';

export interface LinkLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface LinkOptions {
  url: string;
  token: string;
  server: AcsiServer;
  rng: Prng;
  now: () => number;
  logger: LinkLogger;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** WebSocket keep-alive towards the DSO (default: the library's 10 s ping, 20 s timeout). */
  keepAlive?: KeepAliveOptions | false;
}

type LinkState = 'idle' | 'connecting' | 'up' | 'waiting' | 'held' | 'stopped';

export class AccessPointLink {
  private state: LinkState = 'idle';
  private channel: WsChannel | undefined;
  private association: Association | undefined;
  private timer: NodeJS.Timeout | undefined;
  private attempts = 0;
  private downSince: number | undefined;
  private firstOutcome: (() => void) | undefined;
  readonly stats = { connects: 0, failures: 0, drops: 0, reportsOfPastAssociations: 0 };
  lastError: string | undefined;

  constructor(
    readonly id: string,
    private readonly options: LinkOptions,
  ) {
    this.downSince = options.now();
  }

  /** Dials in; resolves after the first attempt's outcome (associated, or failed and retrying). */
  start(): Promise<void> {
    if (this.state !== 'idle') return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.firstOutcome = resolve;
      this.dial();
    });
  }

  /** Reports (unconfirmed PDUs) sent over every association of this link. */
  reportsSent(): number {
    return this.stats.reportsOfPastAssociations + (this.association?.stats.unconfirmedSent ?? 0);
  }

  get isUp(): boolean {
    return this.state === 'up';
  }

  /** ms since the link went down (simulation time); undefined while up. */
  downForMs(): number | undefined {
    return this.downSince === undefined ? undefined : this.options.now() - this.downSince;
  }

  /** Closes the link and keeps it down until `restore()`. */
  drop(): void {
    if (this.state === 'stopped') return;
    this.clearTimer();
    this.state = 'held';
    this.markDown();
    this.channel?.close(1001, 'link dropped by the simulator');
  }

  restore(): void {
    if (this.state !== 'held') return;
    this.attempts = 0;
    this.dial();
  }

  stop(): void {
    this.clearTimer();
    this.state = 'stopped';
    this.channel?.close(1001, 'simulator stopping');
    this.settleFirst();
  }

  private dial(): void {
    this.state = 'connecting';
    const { url, token, server, logger } = this.options;
    connect(url, { token, handshakeTimeoutMs: 10_000, ...(this.options.keepAlive !== undefined ? { keepAlive: this.options.keepAlive } : {}) })
      .then((channel) => {
        if (this.state !== 'connecting') {
          channel.close(1001, 'no longer wanted');
          return;
        }
        this.channel = channel;
        const association = server.attach(channel);
        this.association = association;
        association.on('up', () => this.onUp());
        association.on('down', (reason) => this.onDown(association, reason.detail ? `${reason.cause}: ${reason.detail}` : reason.cause));
      })
      .catch((error: unknown) => {
        this.stats.failures += 1;
        this.lastError = error instanceof Error ? error.message : String(error);
        if (this.attempts === 0) logger.warn(`${this.id}: cannot connect (${this.lastError}); retrying with back-off`);
        this.settleFirst();
        this.scheduleRetry();
      });
  }

  private onUp(): void {
    this.state = 'up';
    this.attempts = 0;
    this.downSince = undefined;
    this.stats.connects += 1;
    this.options.logger.info(`${this.id}: associated`);
    this.settleFirst();
  }

  private onDown(association: Association, reason: string): void {
    if (association !== this.association) return;
    this.stats.reportsOfPastAssociations += association.stats.unconfirmedSent;
    this.association = undefined;
    this.channel = undefined;
    this.markDown();
    this.settleFirst();
    if (this.state === 'held' || this.state === 'stopped') return;
    this.stats.drops += 1;
    this.options.logger.warn(`${this.id}: link lost (${reason}); reconnecting`);
    this.scheduleRetry();
  }

  private markDown(): void {
    if (this.downSince === undefined) this.downSince = this.options.now();
  }

  private scheduleRetry(): void {
    if (this.state === 'held' || this.state === 'stopped') return;
    this.state = 'waiting';
    const min = this.options.minBackoffMs ?? 250;
    const max = this.options.maxBackoffMs ?? 30_000;
    const base = Math.min(max, min * 2 ** this.attempts);
    this.attempts += 1;
    this.clearTimer();
    this.timer = setTimeout(() => this.dial(), base * this.options.rng.range(0.8, 1.2));
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private settleFirst(): void {
    const done = this.firstOutcome;
    this.firstOutcome = undefined;
    done?.();
  }
}
