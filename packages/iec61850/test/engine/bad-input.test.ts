// Malformed and hostile input: each frame is answered as PROTOCOL.md says (serviceError or
// abort) or dropped and counted — never a crash, never a leaked association.
import { afterEach, describe, expect, it } from 'vitest';
import { AcsiClient } from '../../src/client/index.js';
import { AcsiServer } from '../../src/server/index.js';
import { connect } from '../../src/transport/websocket.js';
import { chargePointModel } from '../../examples/charge-point-model.js';
import { rawPeer, recordingLogger, startEndpoint, waitFor } from './helpers.js';
import type { RawPeer, TestEndpoint } from './helpers.js';

let endpoint: TestEndpoint | undefined;
let server: AcsiServer | undefined;
afterEach(async () => {
  server?.close();
  await endpoint?.close();
  endpoint = undefined;
  server = undefined;
});

const logger = recordingLogger();

/** Direct mode: a raw WS client plays the ACSI client against our ACSI server. */
async function rawClientAgainstServer(maxMessageSize?: number): Promise<{ peer: RawPeer; associateId: string }> {
  server = new AcsiServer({ model: chargePointModel('CP0001'), logger, association: maxMessageSize ? { maxMessageSize } : {} });
  const s = server;
  endpoint ??= await startEndpoint({ onChannel: (channel) => s.attach(channel) });
  const peer = rawPeer(await connect(endpoint.url('CP0001')));
  peer.send('{"associate":{"service":{"associateRequest":{"calledAP":"CP0001","maxMessageSize":65000}}}}');
  const response = JSON.parse(await peer.next()) as { associate: { service: { associateResponse: { associateId: string } } } };
  return { peer, associateId: response.associate.service.associateResponse.associateId };
}

const request = (associateId: string, invokeId: number, service: string): string =>
  `{"request":{"associateId":"${associateId}","invokeId":${invokeId},"service":${service}}}`;

async function expectServerStillServes(): Promise<void> {
  const s = server;
  if (!s || !endpoint) throw new Error('no server');
  const client = AcsiClient.attach(await connect(endpoint.url('CP0001')));
  expect(await client.ready()).toBe(true);
  expect(await client.getServerDirectory()).toEqual({ ok: true, value: ['CP0001'] });
  await client.release();
}

describe('bad input to the ACSI server', () => {
  it('valid JSON of a wrong shape → serviceError parameterValueInappropriate with the invokeId', async () => {
    const { peer, associateId } = await rawClientAgainstServer();
    peer.send(request(associateId, 5, '{"getDataValues":{"ref":42}}'));
    expect(JSON.parse(await peer.next())).toEqual({ response: { associateId, invokeId: 5, service: { serviceError: 'parameterValueInappropriate' } } });
    expect(server?.associations[0]?.stats.decodeErrors).toBe(1);
    expect(logger.warnings).toContain('undecodable frame');
  });

  it('an unknown service and an out-of-range value are answered the same way; the association stays up', async () => {
    const { peer, associateId } = await rawClientAgainstServer();
    peer.send(request(associateId, 6, '{"fooBar":{}}'));
    expect(JSON.parse(await peer.next())).toMatchObject({ response: { invokeId: 6, service: { serviceError: 'parameterValueInappropriate' } } });
    peer.send(request(associateId, 7, '{"getBRCBValues":{"brcbRef":"' + 'x'.repeat(200) + '"}}'));
    expect(JSON.parse(await peer.next())).toMatchObject({ response: { invokeId: 7, service: { serviceError: 'parameterValueInappropriate' } } });
    peer.send(request(associateId, 8, '{"getServerDirectory":{"objectClass":"logicalDevice"}}'));
    expect(JSON.parse(await peer.next())).toEqual({ response: { associateId, invokeId: 8, service: { getServerDirectory: { result: ['CP0001'] } } } });
  });

  it('malformed JSON → abort; the server keeps serving fresh associations', async () => {
    const { peer } = await rawClientAgainstServer();
    peer.send('{"request": {"associateId": ');
    const abort = JSON.parse(await peer.next()) as Record<string, unknown>;
    expect(abort).toMatchObject({ associate: { service: { abortRequest: {} } } });
    const closed = await peer.closed;
    expect(closed.code).toBe(1002);
    await waitFor(() => server?.associations.length === 0, 2000, 'association released');
    await expectServerStillServes();
  });

  it('a request with a foreign associateId → abort', async () => {
    const { peer } = await rawClientAgainstServer();
    peer.send(request('not-ours', 3, '{"getServerDirectory":{"objectClass":"logicalDevice"}}'));
    await peer.closed;
    await waitFor(() => server?.associations.length === 0);
  });

  it('a frame larger than maxMessageSize → abort (both the transport and the association limit)', async () => {
    const { peer } = await rawClientAgainstServer(1_000);
    peer.send(request('x', 1, `{"getServerDirectory":{"objectClass":"logicalDevice","continueAfter":"${'y'.repeat(2_000)}"}}`));
    const closed = await peer.closed;
    expect(closed.code).toBe(1009);
    await waitFor(() => server?.associations.length === 0);
    // beyond the WebSocket maxPayload (65 000)
    server?.close();
    server = undefined;
    await endpoint?.close();
    endpoint = undefined;
    const big = await rawClientAgainstServer();
    big.peer.send('x'.repeat(70_000));
    expect((await big.peer.closed).code).toBe(1009);
    await waitFor(() => server?.associations.length === 0);
    await expectServerStillServes();
  });

  it('a request before associating → abort', async () => {
    server = new AcsiServer({ model: chargePointModel('CP0001') });
    const s = server;
    endpoint = await startEndpoint({ onChannel: (channel) => s.attach(channel) });
    const peer = rawPeer(await connect(endpoint.url('CP0001')));
    peer.send(request('', 1, '{"getServerDirectory":{"objectClass":"logicalDevice"}}'));
    await peer.closed;
    await waitFor(() => s.associations.length === 0);
  });
});

describe('bad input to the ACSI client', () => {
  /** Reverse mode with a raw device: the DSO's AcsiClient against hand-written frames. */
  async function rawDevice(): Promise<{ peer: RawPeer; client: AcsiClient; associateId: string }> {
    endpoint = await startEndpoint();
    const peer = rawPeer(await connect(endpoint.url('CP0001')));
    const client = AcsiClient.attach(await endpoint.nextChannel());
    expect(JSON.parse(await peer.next())).toMatchObject({ associate: { service: { associateRequest: { calledAP: 'CP0001' } } } });
    const associateId = 'a-CP0001';
    peer.send(`{"associate":{"service":{"associateResponse":{"maxMessageSize":65000,"associateId":"${associateId}","maxOutstandingCalls":10}}}}`);
    expect(await client.ready()).toBe(true);
    return { peer, client, associateId };
  }

  it('drops and counts a report for an RCB it did not enable', async () => {
    const { peer, client, associateId } = await rawDevice();
    const seen: unknown[] = [];
    client.onReport((r) => seen.push(r));
    peer.send(`{"unconfirmed":{"associateId":"${associateId}","service":{"report":{"rptID":"rogue","sqNum":1,"entry":{"entryData":[]}}}}}`);
    await waitFor(() => client.reportStream.stats.droppedNotEnabled === 1);
    expect(seen).toEqual([]);
    expect(client.association.state).toBe('up');
  });

  it('a response with an unknown invokeId → protocol error, abort', async () => {
    const { peer, client, associateId } = await rawDevice();
    const down = new Promise((resolve) => client.association.on('down', resolve));
    peer.send(`{"response":{"associateId":"${associateId}","invokeId":999,"service":{"getServerDirectory":{"result":[]}}}}`);
    expect(await down).toMatchObject({ cause: 'protocolError' });
    expect(client.association.stats.protocolErrors).toBe(1);
  });

  it('a response with a wrong associateId → abort', async () => {
    const { peer, client } = await rawDevice();
    const pending = client.getServerDirectory();
    const req = JSON.parse(await peer.next()) as { request: { invokeId: number } };
    peer.send(`{"response":{"associateId":"other","invokeId":${req.request.invokeId},"service":{"getServerDirectory":{"result":[]}}}}`);
    expect(await pending).toEqual({ ok: false, error: { kind: 'call', reason: 'down' } });
    expect(client.association.stats.protocolErrors).toBe(1);
  });

  it('an undecodable response → abort (no invokeId to answer)', async () => {
    const { peer, client, associateId } = await rawDevice();
    const pending = client.getServerDirectory();
    const req = JSON.parse(await peer.next()) as { request: { invokeId: number } };
    peer.send(`{"response":{"associateId":"${associateId}","invokeId":${req.request.invokeId},"service":{"getServerDirectory":{"result":7}}}}`);
    expect(await pending).toMatchObject({ ok: false });
    expect(client.association.stats.decodeErrors).toBe(1);
    expect(client.association.state).toBe('down');
  });
});
