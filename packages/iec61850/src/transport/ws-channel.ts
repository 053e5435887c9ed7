// MessageChannel over one `ws` WebSocket: text frames, close with cause, and a ping/pong keep-alive
// (PROTOCOL.md: ping every 10 s, the link counts as lost when no pong came back within the timeout).
import type WebSocket from 'ws';
import { Listeners } from './channel.js';
import type { ChannelClose, ChannelCloseCause, ChannelEvents, MessageChannel } from './channel.js';

export interface KeepAliveOptions {
  /** Ping period in ms (default 10 000). */
  intervalMs?: number;
  /** The link is lost when no pong arrived for this long, in ms (default 20 000). */
  timeoutMs?: number;
}

export const DEFAULT_KEEP_ALIVE = { intervalMs: 10_000, timeoutMs: 20_000 } as const;

export interface WsChannelOptions {
  label: string;
  remoteAddress: string | undefined;
  accessPoint: string | undefined;
  maxFrameSize: number;
  keepAlive: KeepAliveOptions | false;
}

/** How long an orderly close may take before the socket is torn down. */
const CLOSE_GRACE_MS = 1_000;
/** Early frames kept until the first listener subscribes. */
const MAX_BACKLOG = 64;

export class WsChannel implements MessageChannel {
  readonly label: string;
  readonly remoteAddress: string | undefined;
  readonly accessPoint: string | undefined;
  readonly maxFrameSize: number;
  private readonly listeners = new Listeners<ChannelEvents>();
  private pingTimer: NodeJS.Timeout | undefined;
  private graceTimer: NodeJS.Timeout | undefined;
  private lastPongAt = Date.now();
  private lastPingAt = Date.now();
  private forcedCause: ChannelCloseCause | undefined;
  private closed = false;
  /** Frames that arrived before anyone listened (e.g. between `connect()` and `attach()`). */
  private backlog: [string, number][] | undefined = [];

  constructor(
    private readonly ws: WebSocket,
    options: WsChannelOptions,
  ) {
    this.label = options.label;
    this.remoteAddress = options.remoteAddress;
    this.accessPoint = options.accessPoint;
    this.maxFrameSize = options.maxFrameSize;
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('pong', () => {
      this.lastPongAt = Date.now();
      this.listeners.emit('alive', this.lastPongAt - this.lastPingAt);
    });
    ws.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') this.forcedCause ??= 'frameTooLarge';
      else this.forcedCause ??= 'transportError';
    });
    ws.on('close', (code, reason) => this.onClose(code, reason.toString('utf8')));
    if (options.keepAlive !== false) this.startKeepAlive(options.keepAlive);
  }

  get isOpen(): boolean {
    return !this.closed && this.ws.readyState === this.ws.OPEN;
  }

  send(text: string): void {
    if (!this.isOpen) return;
    this.ws.send(text, (error) => {
      if (error) this.forcedCause ??= 'transportError';
    });
  }

  close(code = 1000, reason = ''): void {
    if (this.closed || this.graceTimer) return;
    this.forcedCause ??= 'closedLocally';
    try {
      this.ws.close(code, reason.slice(0, 120));
    } catch {
      this.ws.terminate();
    }
    this.graceTimer = setTimeout(() => this.ws.terminate(), CLOSE_GRACE_MS);
  }

  on<K extends keyof ChannelEvents>(event: K, handler: ChannelEvents[K]): void {
    this.listeners.on(event, handler);
    if (event === 'frame' && this.backlog) {
      const early = this.backlog;
      this.backlog = undefined;
      if (early.length > 0) queueMicrotask(() => early.forEach(([text, size]) => this.listeners.emit('frame', text, size)));
    }
  }

  off<K extends keyof ChannelEvents>(event: K, handler: ChannelEvents[K]): void {
    this.listeners.off(event, handler);
  }

  private onMessage(data: WebSocket.RawData, _isBinary: boolean): void {
    if (this.closed) return;
    const buffer = Array.isArray(data)
      ? Buffer.concat(data)
      : Buffer.isBuffer(data)
        ? data
        : Buffer.from(data);
    const text = buffer.toString('utf8');
    if (this.backlog) {
      if (this.backlog.length < MAX_BACKLOG) this.backlog.push([text, buffer.byteLength]);
      return;
    }
    this.listeners.emit('frame', text, buffer.byteLength);
  }

  private startKeepAlive(options: KeepAliveOptions): void {
    const intervalMs = options.intervalMs ?? DEFAULT_KEEP_ALIVE.intervalMs;
    const timeoutMs = options.timeoutMs ?? DEFAULT_KEEP_ALIVE.timeoutMs;
    this.lastPongAt = Date.now();
    this.pingTimer = setInterval(() => {
      if (Date.now() - this.lastPongAt > timeoutMs) {
        this.forcedCause = 'keepAliveLost';
        this.ws.terminate();
        return;
      }
      try {
        this.lastPingAt = Date.now();
        this.ws.ping();
      } catch {
        // the close event follows
      }
    }, intervalMs);
  }

  private onClose(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.pingTimer);
    clearTimeout(this.graceTimer);
    const cause: ChannelCloseCause =
      code === 1009 ? 'frameTooLarge' : (this.forcedCause ?? 'closedByPeer');
    const info: ChannelClose = { cause, code, reason };
    this.listeners.emit('close', info);
    this.listeners.clear();
  }
}
