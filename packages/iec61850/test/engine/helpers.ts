// Test helpers: a real HTTP server on 127.0.0.1 (port 0) with the /rti endpoint, and waiting utilities.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachRtiEndpoint } from '../../src/transport/websocket.js';
import type { RtiEndpointOptions, WsChannel } from '../../src/transport/websocket.js';

export interface TestEndpoint {
  server: Server;
  port: number;
  url: (accessPoint: string) => string;
  /** Next channel accepted by the endpoint. */
  nextChannel: () => Promise<WsChannel>;
  close: () => Promise<void>;
}

export async function startEndpoint(options: Partial<RtiEndpointOptions> = {}): Promise<TestEndpoint> {
  const server = createServer((_req, res) => res.writeHead(404).end());
  const accepted: WsChannel[] = [];
  const waiters: ((c: WsChannel) => void)[] = [];
  const endpoint = attachRtiEndpoint(server, {
    ...options,
    onChannel: (channel, req) => {
      options.onChannel?.(channel, req);
      const waiter = waiters.shift();
      if (waiter) waiter(channel);
      else accepted.push(channel);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: (ap) => `ws://127.0.0.1:${port}/rti/${ap}`,
    nextChannel: () => {
      const ready = accepted.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise<WsChannel>((resolve) => waiters.push(resolve));
    },
    close: async () => {
      endpoint.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Resolves when `predicate` holds, polling every 5 ms; rejects after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs = 3_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A logger that records warnings (for asserting that incidents were logged). */
export function recordingLogger(): { warn: (m: string) => void; info: () => void; debug: () => void; warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, warn: (m: string) => warnings.push(m), info: () => undefined, debug: () => undefined };
}

import { AcsiClient } from '../../src/client/index.js';
import { AcsiServer } from '../../src/server/index.js';
import type { AcsiServerOptions } from '../../src/server/index.js';
import { connect } from '../../src/transport/websocket.js';
import type { ConnectOptions } from '../../src/transport/websocket.js';
import type { AssociationOptions } from '../../src/association/index.js';
import { chargePointModel } from '../../examples/charge-point-model.js';

export interface Pair {
  endpoint: TestEndpoint;
  server: AcsiServer;
  client: AcsiClient;
  /** Dial again (a reconnect of the same device) and return the new client. */
  reconnect: () => Promise<AcsiClient>;
  close: () => Promise<void>;
}

/** Reverse mode: the DSO side is WS server + ACSI client; the device dials in and serves its model. */
export async function startPair(
  options: Partial<AcsiServerOptions> & {
    endpoint?: Partial<RtiEndpointOptions>;
    connect?: ConnectOptions;
    clientAssociation?: Omit<AssociationOptions, 'role' | 'onRequest'>;
    ld?: string;
  } = {},
): Promise<Pair> {
  const ld = options.ld ?? 'CP0001';
  const endpoint = await startEndpoint(options.endpoint);
  const server = new AcsiServer({ model: options.model ?? chargePointModel(ld), ...options });
  const dial = async (): Promise<AcsiClient> => {
    const channel = await connect(endpoint.url(ld), options.connect);
    server.attach(channel);
    const client = AcsiClient.attach(await endpoint.nextChannel(), options.clientAssociation);
    if (!(await client.ready())) throw new Error('association failed');
    return client;
  };
  const client = await dial();
  return {
    endpoint,
    server,
    client,
    reconnect: dial,
    close: async () => {
      server.close();
      await endpoint.close();
    },
  };
}

import type { ChannelClose, MessageChannel } from '../../src/transport/channel.js';

/** A peer that speaks raw frames: for malformed input and protocol-error tests. */
export interface RawPeer {
  send: (text: string) => void;
  next: (timeoutMs?: number) => Promise<string>;
  closed: Promise<ChannelClose>;
  frames: string[];
}

export function rawPeer(channel: MessageChannel): RawPeer {
  const frames: string[] = [];
  const waiters: ((f: string) => void)[] = [];
  channel.on('frame', (text) => {
    const w = waiters.shift();
    if (w) w(text);
    else frames.push(text);
  });
  const closed = new Promise<ChannelClose>((resolve) => channel.on('close', resolve));
  return {
    frames,
    send: (text) => channel.send(text),
    closed,
    next: (timeoutMs = 2000) => {
      const ready = frames.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no frame')), timeoutMs);
        waiters.push((f) => {
          clearTimeout(timer);
          resolve(f);
        });
      });
    },
  };
}
