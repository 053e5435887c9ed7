// The WebSocket binding of RTI 2.0 (PROTOCOL.md): `/rti/<accessPoint>` endpoint with bearer-token
// authentication on the HTTP upgrade, subprotocol negotiation, maxPayload = maxMessageSize; and a
// client-side `connect()`. Both sides hand back a MessageChannel for the association layer.
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import { WsChannel } from './ws-channel.js';
import type { KeepAliveOptions } from './ws-channel.js';

export { WsChannel, DEFAULT_KEEP_ALIVE } from './ws-channel.js';
export type { KeepAliveOptions } from './ws-channel.js';

export const JER_SUBPROTOCOL = 'iec61850-tpaa-jer-v1';
export const BER_SUBPROTOCOL = 'iec61850-tpaa-ber-v1';
export const DEFAULT_MAX_MESSAGE_SIZE = 65_000;
const MAX_ACCESS_POINT_LENGTH = 64;

export type AuthDecision = { allow: true } | { allow: false; status: 401 | 403; message?: string };

export interface RtiEndpointOptions {
  /** Path prefix; the access point is the rest of the path (default `/rti/`). */
  pathPrefix?: string;
  /** Decide on the upgrade; default allows everyone (development only). */
  authenticate?: (req: IncomingMessage, accessPoint: string) => AuthDecision | Promise<AuthDecision>;
  maxMessageSize?: number;
  keepAlive?: KeepAliveOptions | false;
  /** A new, open channel (one per device connection). */
  onChannel: (channel: WsChannel, req: IncomingMessage) => void;
  /** Called when something went wrong around an upgrade (never throws out). */
  onError?: (error: unknown) => void;
}

export interface RtiEndpoint {
  /** Handles the upgrade if the path is ours (returns true), otherwise leaves the socket alone. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): void;
}

/** The `Authorization: Bearer <token>` value of a request, if any. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** Writes a plain HTTP error response on a not-yet-upgraded socket and ends it. */
export function rejectUpgrade(socket: Duplex, status: number, message?: string): void {
  const body = message ?? STATUS_CODES[status] ?? 'Error';
  const headers = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...(status === 401 ? ['WWW-Authenticate: Bearer realm="rti"'] : []),
  ];
  if (socket.writable) socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
  else socket.destroy();
}

function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol'];
  if (header === undefined) return [];
  return header
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

function accessPointOf(url: string | undefined, prefix: string): string | undefined {
  const path = (url ?? '').split('?')[0] ?? '';
  if (!path.startsWith(prefix)) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(path.slice(prefix.length));
  } catch {
    return undefined;
  }
  if (name.length === 0 || name.length > MAX_ACCESS_POINT_LENGTH || name.includes('/')) return undefined;
  return name;
}

export function createRtiEndpoint(options: RtiEndpointOptions): RtiEndpoint {
  const prefix = options.pathPrefix ?? '/rti/';
  const maxMessageSize = options.maxMessageSize ?? DEFAULT_MAX_MESSAGE_SIZE;
  const onError = options.onError ?? (() => undefined);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxMessageSize,
    handleProtocols: (protocols) => (protocols.has(JER_SUBPROTOCOL) ? JER_SUBPROTOCOL : false),
  });

  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer, ap: string): Promise<void> => {
    const offered = offeredProtocols(req);
    if (offered.length > 0 && !offered.includes(JER_SUBPROTOCOL)) {
      rejectUpgrade(socket, 400, `unsupported subprotocol; this endpoint speaks ${JER_SUBPROTOCOL}`);
      return;
    }
    const decision = options.authenticate ? await options.authenticate(req, ap) : { allow: true as const };
    if (!decision.allow) {
      rejectUpgrade(socket, decision.status, decision.message);
      return;
    }
    if (socket.destroyed) return;
    wss.handleUpgrade(req, socket, head, (ws) => {
      const remote = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`;
      const channel = new WsChannel(ws, {
        label: `ws ${remote} ${prefix}${ap}`,
        remoteAddress: req.socket.remoteAddress,
        accessPoint: ap,
        maxFrameSize: maxMessageSize,
        keepAlive: options.keepAlive ?? {},
      });
      options.onChannel(channel, req);
    });
  };

  return {
    handleUpgrade(req, socket, head) {
      const ap = accessPointOf(req.url, prefix);
      if (ap === undefined) return false;
      socket.on('error', onError);
      upgrade(req, socket, head, ap).catch((error: unknown) => {
        onError(error);
        rejectUpgrade(socket, 500);
      });
      return true;
    },
    close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

/** Listens on an HTTP server's `upgrade`; paths outside the prefix get 404 unless `exclusive` is false. */
export function attachRtiEndpoint(
  server: HttpServer,
  options: RtiEndpointOptions & { exclusive?: boolean },
): RtiEndpoint {
  const endpoint = createRtiEndpoint(options);
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!endpoint.handleUpgrade(req, socket, head) && options.exclusive !== false) {
      rejectUpgrade(socket, 404);
    }
  });
  return endpoint;
}

export interface ConnectOptions {
  token?: string;
  /** Subprotocol to offer: default `iec61850-tpaa-jer-v1`; `false` offers none. */
  subprotocol?: string | false;
  maxMessageSize?: number;
  keepAlive?: KeepAliveOptions | false;
  handshakeTimeoutMs?: number;
  headers?: Record<string, string>;
  /** Answer pings automatically (default true; tests turn it off to simulate a dead peer). */
  autoPong?: boolean;
}

/** The upgrade was refused (`status` = HTTP status) or the socket failed before opening. */
export class ConnectError extends Error {
  override readonly name = 'ConnectError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Dials `ws[s]://host:port/rti/<accessPoint>`; resolves with an open channel. */
export function connect(url: string, options: ConnectOptions = {}): Promise<WsChannel> {
  const maxMessageSize = options.maxMessageSize ?? DEFAULT_MAX_MESSAGE_SIZE;
  const protocol = options.subprotocol ?? JER_SUBPROTOCOL;
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  const ws = new WebSocket(url, protocol === false ? [] : [protocol], {
    headers,
    maxPayload: maxMessageSize,
    handshakeTimeout: options.handshakeTimeoutMs ?? 10_000,
    autoPong: options.autoPong ?? true,
  });
  const path = new URL(url).pathname.split('/');
  const accessPoint = path[path.length - 1] ?? undefined;
  return new Promise<WsChannel>((resolve, reject) => {
    const fail = (error: ConnectError): void => {
      ws.removeAllListeners('open');
      ws.on('error', () => undefined);
      ws.terminate();
      reject(error);
    };
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      fail(new ConnectError(`upgrade refused: HTTP ${res.statusCode ?? '?'}`, res.statusCode));
    });
    const onError = (error: Error): void => fail(new ConnectError(error.message));
    ws.on('error', onError);
    ws.once('open', () => {
      ws.off('error', onError);
      ws.removeAllListeners('unexpected-response');
      resolve(
        new WsChannel(ws, {
          label: `ws ${url}`,
          remoteAddress: new URL(url).hostname,
          accessPoint: accessPoint === '' ? undefined : accessPoint,
          maxFrameSize: maxMessageSize,
          keepAlive: options.keepAlive ?? {},
        }),
      );
    });
  });
}
