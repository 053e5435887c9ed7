// Fuzz, server side: ≥ 10 000 mutated frames (bit flips, truncation, key swaps, type swaps, huge
// numbers) into an ACSI server over real WebSockets on 127.0.0.1. No crash, no hang (every probe is
// answered or the association closed, within a deadline), bounded memory, no leaked association,
// and a fresh association works afterwards. (The client side is in fuzz-client.test.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import type { Association } from '../../src/association/index.js';
import { AcsiClient } from '../../src/client/index.js';
import { encodePdu } from '../../src/codec/index.js';
import { AcsiServer } from '../../src/server/index.js';
import { connect } from '../../src/transport/websocket.js';
import type { WsChannel } from '../../src/transport/websocket.js';
import { chargePointModel } from '../../examples/charge-point-model.js';
import { AID, BATCH, DEADLINE_MS, FRAMES, TEST_TIMEOUT_MS, heapMb, requests } from './fuzz-corpus.js';
import { startEndpoint } from './helpers.js';
import type { TestEndpoint } from './helpers.js';
import { mutate, seeded } from './mutate.js';

const requestTemplates = requests.map((service, i) => encodePdu({ request: { associateId: AID, invokeId: 100 + i, service } }));

let endpoint: TestEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

interface Peer {
  channel: WsChannel;
  associateId: string;
  closed: boolean;
}

describe('fuzz: ACSI server', () => {
  it(`an ACSI server survives ${FRAMES} mutated frames and keeps serving`, async () => {
    const server = new AcsiServer({ model: chargePointModel('CP0001'), association: { requestTimeoutMs: 500 } });
    const associations: Association[] = [];
    endpoint = await startEndpoint({ onChannel: (channel) => associations.push(server.attach(channel)) });
    const ep = endpoint;
    const rng = seeded(61850);
    const heapBefore = heapMb();
    const started = Date.now();
    let fed = 0;
    let reconnects = 0;
    let probeId = 1_000_000;
    let peer: Peer | undefined;
    let pendingProbe: { id: number; resolve: () => void } | undefined;

    const open = async (): Promise<Peer> => {
      const channel = await connect(ep.url('CP0001'), { keepAlive: false });
      const p: Peer = { channel, associateId: '', closed: false };
      const associated = new Promise<void>((resolve) => {
        channel.on('frame', (text) => {
          if (p.associateId === '') {
            const m = /"associateId":"([^"]*)"/.exec(text);
            p.associateId = m?.[1] ?? '?';
            resolve();
          }
          if (pendingProbe && text.includes(`"invokeId":${pendingProbe.id}`)) pendingProbe.resolve();
        });
        channel.on('close', () => {
          p.closed = true;
          pendingProbe?.resolve();
          resolve();
        });
      });
      channel.send('{"associate":{"service":{"associateRequest":{"calledAP":"CP0001","maxMessageSize":65000}}}}');
      await associated;
      reconnects += 1;
      return p;
    };

    const probe = async (p: Peer): Promise<void> => {
      if (p.closed) return;
      probeId += 1;
      const answered = new Promise<void>((resolve) => (pendingProbe = { id: probeId, resolve }));
      p.channel.send(`{"request":{"associateId":"${p.associateId}","invokeId":${probeId},"service":{"getServerDirectory":{"objectClass":"logicalDevice"}}}}`);
      let timer: NodeJS.Timeout | undefined;
      const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), 3_000)));
      const result = await Promise.race([answered.then(() => 'ok' as const), hung]);
      clearTimeout(timer);
      pendingProbe = undefined;
      expect(result).toBe('ok');
    };

    const processed = (): number =>
      associations.reduce((n, a) => n + a.stats.framesIn, 0) - reconnects - (probeId - 1_000_000);
    // a few mutated frames, then a probe: answered, or the association was closed — never silence
    while (processed() < FRAMES && Date.now() - started < DEADLINE_MS) {
      if (!peer || peer.closed) peer = await open();
      if (peer.closed) continue;
      for (let i = 0; i < BATCH; i++) {
        const template = requestTemplates[Math.floor(rng() * requestTemplates.length)] ?? '';
        peer.channel.send(mutate(template.replace(AID, peer.associateId), rng).frame);
        fed += 1;
      }
      await probe(peer);
    }
    if (peer && !peer.closed) peer.channel.close();
    const totals = associations.reduce(
      (acc, a) => ({ decodeErrors: acc.decodeErrors + a.stats.decodeErrors, protocolErrors: acc.protocolErrors + a.stats.protocolErrors }),
      { decodeErrors: 0, protocolErrors: 0 },
    );
    expect(processed()).toBeGreaterThanOrEqual(FRAMES);
    console.log(`[fuzz server] sent=${fed} processed=${processed()} associations=${reconnects} decodeErrors=${totals.decodeErrors} protocolErrors=${totals.protocolErrors} ${Date.now() - started} ms heap ${heapBefore.toFixed(1)}→${heapMb().toFixed(1)} MB`);
    expect(totals.decodeErrors).toBeGreaterThan(0);
    expect(heapMb() - heapBefore).toBeLessThan(200);
    // the process keeps serving a fresh, well-behaved association
    const client = AcsiClient.attach(await connect(ep.url('CP0001')));
    expect(await client.ready()).toBe(true);
    expect(await client.getServerDirectory()).toEqual({ ok: true, value: ['CP0001'] });
    expect((await client.getValue('CP0001/MMXU1.Hz.mag.f', 'mx')).ok).toBe(true);
    await client.release();
    await new Promise((r) => setTimeout(r, 50));
    expect(server.associations.length).toBe(0);
    server.close();
  }, TEST_TIMEOUT_MS);

});
