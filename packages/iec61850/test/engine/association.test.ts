import { afterEach, describe, expect, it } from 'vitest';
import { Association } from '../../src/association/index.js';
import type { DownReason, RequestHandler } from '../../src/association/index.js';
import { connect, ConnectError, JER_SUBPROTOCOL } from '../../src/transport/websocket.js';
import type { ConnectOptions, RtiEndpointOptions } from '../../src/transport/websocket.js';
import { sleep, startEndpoint, waitFor } from './helpers.js';
import type { TestEndpoint } from './helpers.js';

const echoDirectory: RequestHandler = () => ({ getServerDirectory: { result: ['CP0001'] } });

let endpoint: TestEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

/** Reverse mode: the WS server is the ACSI client, the dialling device the ACSI server. */
async function reversePair(
  opts: {
    endpoint?: Partial<RtiEndpointOptions>;
    connect?: ConnectOptions;
    handler?: RequestHandler;
    clientWindow?: number;
    serverWindow?: number;
    maxQueuedCalls?: number;
    requestTimeoutMs?: number;
  } = {},
) {
  endpoint = await startEndpoint(opts.endpoint);
  const deviceChannel = await connect(endpoint.url('CP0001'), opts.connect);
  const device = new Association(deviceChannel, {
    role: 'server',
    onRequest: opts.handler ?? echoDirectory,
    maxOutstandingCalls: opts.serverWindow ?? 10,
  });
  const dsoChannel = await endpoint.nextChannel();
  const dso = new Association(dsoChannel, {
    role: 'client',
    maxOutstandingCalls: opts.clientWindow ?? 10,
    ...(opts.maxQueuedCalls !== undefined ? { maxQueuedCalls: opts.maxQueuedCalls } : {}),
    ...(opts.requestTimeoutMs !== undefined ? { requestTimeoutMs: opts.requestTimeoutMs } : {}),
  });
  const downs: { dso?: DownReason; device?: DownReason } = {};
  dso.on('down', (r) => (downs.dso = r));
  device.on('down', (r) => (downs.device = r));
  await waitFor(() => dso.state === 'up' && device.state === 'up', 3000, 'association up');
  return { dso, device, downs };
}

describe('association over a real WebSocket (reverse mode)', () => {
  it('associates with calledAP = the access point and answers a call', async () => {
    let calledAP: string | undefined;
    endpoint = await startEndpoint();
    const deviceChannel = await connect(endpoint.url('CP0001'));
    const device = new Association(deviceChannel, {
      role: 'server',
      onRequest: echoDirectory,
      onAssociateRequest: (req) => {
        calledAP = req.calledAP;
        return undefined;
      },
    });
    const dso = new Association(await endpoint.nextChannel(), { role: 'client' });
    const outcome = await dso.call({ getServerDirectory: { objectClass: 'logicalDevice' } });
    expect(outcome).toEqual({ ok: true, service: { getServerDirectory: { result: ['CP0001'] } } });
    expect(calledAP).toBe('CP0001');
    expect(dso.associateId).toBe(device.associateId);
    expect(dso.associateId.length).toBeLessThanOrEqual(36);
    await dso.release();
    await waitFor(() => device.state === 'down');
  });

  it('frames that arrive before the device attached are kept for it', async () => {
    endpoint = await startEndpoint({ onChannel: (channel) => void new Association(channel, { role: 'client' }) });
    const channel = await connect(endpoint.url('CP0001'));
    await sleep(50); // the associateRequest is already here
    const device = new Association(channel, { role: 'server', onRequest: echoDirectory });
    await waitFor(() => device.state === 'up', 2000, 'late attach');
    device.abort();
  });

  it('refused association goes down with cause refused', async () => {
    endpoint = await startEndpoint();
    const device = new Association(await connect(endpoint.url('CP0001')), {
      role: 'server',
      onAssociateRequest: () => 'accessViolation',
    });
    const dso = new Association(await endpoint.nextChannel(), { role: 'client' });
    const reason = await new Promise<DownReason>((resolve) => dso.on('down', resolve));
    expect(reason).toEqual({ cause: 'refused', detail: 'accessViolation' });
    await waitFor(() => device.state === 'down');
  });

  it('release from the ACSI client and from the ACSI server', async () => {
    const a = await reversePair();
    await a.dso.release();
    await waitFor(() => a.downs.device !== undefined);
    expect(a.downs.dso?.cause).toBe('released');
    expect(a.downs.device?.cause).toBe('releasedByPeer');
    await endpoint?.close();
    const b = await reversePair();
    await b.device.release();
    await waitFor(() => b.downs.dso !== undefined);
    expect(b.downs.dso?.cause).toBe('releasedByPeer');
  });

  it('abort in both directions fails pending calls', async () => {
    const a = await reversePair({ handler: () => new Promise(() => undefined) });
    const pending = a.dso.call({ getServerDirectory: { objectClass: 'logicalDevice' } });
    await sleep(20);
    a.device.abort('test');
    expect(await pending).toEqual({ ok: false, reason: 'down' });
    await waitFor(() => a.downs.dso !== undefined);
    expect(a.downs.dso?.cause).toBe('abortedByPeer');
    await endpoint?.close();
    const b = await reversePair();
    b.dso.abort();
    await waitFor(() => b.downs.device !== undefined);
    expect(b.downs.device?.cause).toBe('abortedByPeer');
    expect(b.downs.dso?.cause).toBe('aborted');
  });

  it('keeps at most maxOutstandingCalls in flight and queues the rest (bounded)', async () => {
    let concurrent = 0;
    let peak = 0;
    const slow: RequestHandler = async () => {
      concurrent += 1;
      peak = Math.max(peak, concurrent);
      await sleep(10);
      concurrent -= 1;
      return { getServerDirectory: { result: [] } };
    };
    const { dso } = await reversePair({ handler: slow, clientWindow: 3, maxQueuedCalls: 20 });
    const calls = Array.from({ length: 23 }, () => dso.call({ getServerDirectory: { objectClass: 'logicalDevice' } }));
    const extra = await dso.call({ getServerDirectory: { objectClass: 'logicalDevice' } });
    expect(extra).toEqual({ ok: false, reason: 'queueFull' });
    const results = await Promise.all(calls);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(peak).toBe(3);
    expect(dso.stats.queueFull).toBe(1);
  });

  it('the window is the smaller of both sides', async () => {
    let peak = 0;
    let concurrent = 0;
    const slow: RequestHandler = async () => {
      peak = Math.max(peak, ++concurrent);
      await sleep(5);
      concurrent -= 1;
      return { getServerDirectory: { result: [] } };
    };
    const { dso } = await reversePair({ handler: slow, clientWindow: 8, serverWindow: 2 });
    await Promise.all(Array.from({ length: 10 }, () => dso.call({ getServerDirectory: { objectClass: 'logicalDevice' } })));
    expect(peak).toBe(2);
  });

  it('times out a request; the late response is dropped and counted, the association stays up', async () => {
    const { dso } = await reversePair({
      handler: async () => {
        await sleep(150);
        return { getServerDirectory: { result: [] } };
      },
      requestTimeoutMs: 40,
    });
    expect(await dso.call({ getServerDirectory: { objectClass: 'logicalDevice' } })).toEqual({ ok: false, reason: 'timeout' });
    await waitFor(() => dso.stats.lateResponses === 1);
    expect(dso.state).toBe('up');
    expect(dso.stats.timeouts).toBe(1);
  });

  it('a handler that hangs or throws is answered failedDueToServerConstraint', async () => {
    endpoint = await startEndpoint();
    const device = new Association(await connect(endpoint.url('CP0001')), {
      role: 'server',
      requestTimeoutMs: 40,
      onRequest: (service) => {
        if ('getServerDirectory' in service) return new Promise(() => undefined);
        throw new Error('boom');
      },
    });
    const dso = new Association(await endpoint.nextChannel(), { role: 'client' });
    const failed = { ok: true, service: { serviceError: 'failedDueToServerConstraint' } };
    expect(await dso.call({ getServerDirectory: { objectClass: 'logicalDevice' } })).toEqual(failed);
    expect(await dso.call({ getLogicalDeviceDirectory: { ldName: 'X' } })).toEqual(failed);
    expect(device.state).toBe('up');
    device.abort();
  });

  it('refreshToken reaches the peer callback', async () => {
    const { dso, device } = await reversePair();
    const got = new Promise<string>((resolve) => dso.on('refreshToken', resolve));
    device.refreshToken('new-token-123');
    expect(await got).toBe('new-token-123');
  });

  it('detects a peer that stops answering pings', async () => {
    const { dso, downs } = await reversePair({
      endpoint: { keepAlive: { intervalMs: 30, timeoutMs: 100 } },
      connect: { autoPong: false, keepAlive: false },
    });
    await waitFor(() => downs.dso !== undefined, 2000, 'keep-alive loss');
    expect(downs.dso?.cause).toBe('keepAliveLost');
    expect(dso.state).toBe('down');
    await waitFor(() => downs.device !== undefined, 2000, 'device sees the close');
  });

  it('keeps a healthy peer alive across many ping periods', async () => {
    const { dso } = await reversePair({ endpoint: { keepAlive: { intervalMs: 50, timeoutMs: 400 } } });
    const rtts: number[] = [];
    dso.channel.on('alive', (rtt) => rtts.push(rtt));
    await sleep(1_000); // 20 ping periods, 2.5 timeouts: only answered pings keep it up
    expect(dso.state).toBe('up');
    expect(rtts.length).toBeGreaterThan(5);
    expect(rtts.every((rtt) => rtt >= 0)).toBe(true);
  });
});

describe('upgrade: authentication and subprotocol', () => {
  const auth: RtiEndpointOptions['authenticate'] = (req, ap) => {
    const header = req.headers.authorization;
    if (header !== 'Bearer good') return { allow: false, status: 401 };
    return ap === 'CP0001' ? { allow: true } : { allow: false, status: 403 };
  };

  it('401 without a valid token, 403 for a foreign access point, ok otherwise', async () => {
    endpoint = await startEndpoint({ authenticate: auth });
    await expect(connect(endpoint.url('CP0001'))).rejects.toMatchObject({ status: 401 });
    await expect(connect(endpoint.url('CP0001'), { token: 'bad' })).rejects.toBeInstanceOf(ConnectError);
    await expect(connect(endpoint.url('CP0002'), { token: 'good' })).rejects.toMatchObject({ status: 403 });
    const channel = await connect(endpoint.url('CP0001'), { token: 'good' });
    expect(channel.isOpen).toBe(true);
    channel.close();
  });

  it('async authenticate and unknown paths', async () => {
    endpoint = await startEndpoint({ authenticate: () => Promise.resolve({ allow: false as const, status: 403 as const }) });
    await expect(connect(endpoint.url('X'))).rejects.toMatchObject({ status: 403 });
    await expect(connect(`ws://127.0.0.1:${endpoint.port}/other/X`)).rejects.toMatchObject({ status: 404 });
  });

  it('accepts no subprotocol and jer-v1 (echoed), refuses ber-v1-only offers', async () => {
    endpoint = await startEndpoint();
    const none = await connect(endpoint.url('CP0001'), { subprotocol: false });
    expect(none.isOpen).toBe(true);
    none.close();
    const jer = await connect(endpoint.url('CP0001'), { subprotocol: JER_SUBPROTOCOL });
    expect(jer.isOpen).toBe(true);
    jer.close();
    await expect(connect(endpoint.url('CP0001'), { subprotocol: 'iec61850-tpaa-ber-v1' })).rejects.toMatchObject({ status: 400 });
  });
});
