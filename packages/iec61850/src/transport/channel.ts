// The transport boundary the ACSI logic sees. An association only needs to send a text frame,
// receive frames, close, and learn when the link died. The WebSocket binding (websocket.ts)
// implements it today; a later MMS (ISO 9506 over TCP 102) transport fits behind the same shape.

/** Why a channel ended, as the association reports it in `down(reason)`. */
export type ChannelCloseCause =
  | 'closedByPeer'
  | 'closedLocally'
  | 'keepAliveLost'
  | 'frameTooLarge'
  | 'transportError';

export interface ChannelClose {
  cause: ChannelCloseCause;
  code: number;
  reason: string;
}

export interface ChannelEvents {
  /** One complete inbound frame; `size` is its length in bytes on the wire. */
  frame: (text: string, size: number) => void;
  /** Liveness: the peer answered a keep-alive ping, after `rttMs`. */
  alive: (rttMs: number) => void;
  /** Exactly once, when the channel is gone (for whatever reason). */
  close: (info: ChannelClose) => void;
}

export interface MessageChannel {
  /** Short human label for logs, e.g. `ws 127.0.0.1:53012 /rti/CP0001`. */
  readonly label: string;
  readonly remoteAddress: string | undefined;
  /** The access point named by the endpoint (last path segment of `/rti/<accessPoint>`), if any. */
  readonly accessPoint: string | undefined;
  /** Largest inbound frame the transport accepts (bytes). */
  readonly maxFrameSize: number;
  readonly isOpen: boolean;
  /** Send one text frame. Silently ignored once the channel is closed. */
  send(text: string): void;
  /** Orderly close; frames already sent are delivered first. Idempotent. */
  close(code?: number, reason?: string): void;
  on<K extends keyof ChannelEvents>(event: K, handler: ChannelEvents[K]): void;
  off<K extends keyof ChannelEvents>(event: K, handler: ChannelEvents[K]): void;
}

/** A tiny typed listener list; handlers that throw are isolated from each other. */
export class Listeners<E extends { [K in keyof E]: (...args: never[]) => void }> {
  private readonly map = new Map<keyof E, Set<E[keyof E]>>();

  constructor(private readonly onHandlerError: (error: unknown) => void = () => undefined) {}

  on<K extends keyof E>(event: K, handler: E[K]): void {
    let set = this.map.get(event);
    if (!set) {
      set = new Set();
      this.map.set(event, set);
    }
    set.add(handler);
  }

  off<K extends keyof E>(event: K, handler: E[K]): void {
    this.map.get(event)?.delete(handler);
  }

  emit<K extends keyof E>(event: K, ...args: Parameters<E[K]>): void {
    const set = this.map.get(event);
    if (!set) return;
    for (const handler of [...set]) {
      try {
        (handler as (...a: Parameters<E[K]>) => void)(...args);
      } catch (error) {
        this.onHandlerError(error);
      }
    }
  }

  clear(): void {
    this.map.clear();
  }
}
