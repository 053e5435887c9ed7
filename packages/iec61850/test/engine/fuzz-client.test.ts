// Fuzz, client side: ≥ 10 000 mutated responses, reports and command terminations from hostile
// devices into the DSO's ACSI client over real WebSockets on 127.0.0.1: no crash, no hang (every
// call has a timeout), bounded memory, and a fresh association against a real server works after.
import { afterEach, describe, expect, it } from 'vitest';
import { AcsiClient } from '../../src/client/index.js';
import { encodePdu } from '../../src/codec/index.js';
import { AcsiServer } from '../../src/server/index.js';
import { connect } from '../../src/transport/websocket.js';
import type { WsChannel } from '../../src/transport/websocket.js';
import { chargePointModel } from '../../examples/charge-point-model.js';
import { AID, DEADLINE_MS, FRAMES, TEST_TIMEOUT_MS, heapMb, responses, unconfirmed } from './fuzz-corpus.js';
import { startEndpoint } from './helpers.js';
import type { TestEndpoint } from './helpers.js';
import { mutate, seeded } from './mutate.js';

let endpoint: TestEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

describe('fuzz: ACSI client', () => {
  it(`an ACSI client survives ${FRAMES} mutated frames from a device and keeps working`, async () => {
    // the DSO side hands each new channel to the worker that dialled it (access point W<k>)
    const waiting = new Map<string, (channel: WsChannel) => void>();
    endpoint = await startEndpoint({ keepAlive: false, onChannel: (channel) => waiting.get(channel.accessPoint ?? '')?.(channel) });
    const ep = endpoint;
    const rng = seeded(7420);
    const heapBefore = heapMb();
    const started = Date.now();
    let fed = 0;
    let processed = 0;
    let associations = 0;
    let dropped = 0;
    const responseTemplates = responses.map((service) => encodePdu({ response: { associateId: AID, invokeId: 424242, service } }));
    const unconfirmedTemplates = unconfirmed.map((service) => encodePdu({ unconfirmed: { associateId: AID, service } }));

    /** A device that answers the association properly, then mutated responses and reports. */
    const hostileDevice = (device: WsChannel, aid: string): void => {
      device.on('frame', (text) => {
        if (text.includes('associateRequest')) {
          device.send(`{"associate":{"service":{"associateResponse":{"maxMessageSize":65000,"associateId":"${aid}","maxOutstandingCalls":4}}}}`);
          return;
        }
        const m = /"invokeId":(\d+)/.exec(text);
        if (!m || text.includes('abortRequest') || text.includes('releaseRequest')) return;
        if (text.includes('setURCBValues')) {
          device.send(`{"response":{"associateId":"${aid}","invokeId":${m[1] ?? 0},"service":{"setURCBValues":{"result":"ok"}}}}`);
          return;
        }
        for (let i = 0; i < 3 && device.isOpen; i++) {
          const templates = i === 2 ? responseTemplates : unconfirmedTemplates;
          const template = (templates[Math.floor(rng() * templates.length)] ?? '').replace(AID, aid).replace('424242', m[1] ?? '0');
          device.send(mutate(template, rng).frame);
          fed += 1;
        }
      });
    };

    const session = async (worker: string): Promise<void> => {
      const dsoChannel = new Promise<WsChannel>((resolve) => waiting.set(worker, resolve));
      const device = await connect(ep.url(worker), { keepAlive: false });
      associations += 1;
      hostileDevice(device, `a-${associations}`);
      const client = AcsiClient.attach(await dsoChannel, { requestTimeoutMs: 300 });
      if (await client.ready()) {
        await client.setURCBValues({ urcbRef: 'CP0001/LLN0.urcbX', rptID: 'R1', rptEna: true });
        while (client.association.state === 'up' && processed + Math.max(0, client.association.stats.framesIn - 2) < FRAMES) {
          await client.getDataValues('CP0001/MMXU1.TotW', 'mx');
        }
      }
      // frames the client took in, minus the two well-formed ones (associateResponse, setURCBValues)
      processed += Math.max(0, client.association.stats.framesIn - 2);
      dropped += client.reportStream.stats.droppedNotEnabled + client.reportStream.stats.droppedDuplicate;
      client.association.abort();
      device.close();
    };
    const worker = async (name: string): Promise<void> => {
      while (processed < FRAMES && Date.now() - started < DEADLINE_MS) await session(name);
    };
    await Promise.all(Array.from({ length: 8 }, (_v, k) => worker(`W${k}`)));
    console.log(`[fuzz client] sent=${fed} processed=${processed} associations=${associations} dropped reports=${dropped} ${Date.now() - started} ms heap ${heapBefore.toFixed(1)}→${heapMb().toFixed(1)} MB`);
    expect(processed).toBeGreaterThanOrEqual(FRAMES);
    expect(heapMb() - heapBefore).toBeLessThan(200);
    // a fresh association against a real server still works
    const server = new AcsiServer({ model: chargePointModel('CP0001') });
    const fresh = new Promise<WsChannel>((resolve) => waiting.set('CP0001', resolve));
    server.attach(await connect(ep.url('CP0001')));
    const client = AcsiClient.attach(await fresh);
    expect(await client.ready()).toBe(true);
    expect(await client.getServerDirectory()).toEqual({ ok: true, value: ['CP0001'] });
    await client.release();
    server.close();
  }, TEST_TIMEOUT_MS);
});
