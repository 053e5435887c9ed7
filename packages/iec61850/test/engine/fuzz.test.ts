// Fuzz: ≥ 10 000 mutated frames (bit flips, truncation, key swaps, type swaps, huge numbers) into
// an ACSI server and ≥ 10 000 into an ACSI client, over real WebSockets on 127.0.0.1. No crash, no
// hang (every probe answered or the association closed, all within a deadline), bounded memory,
// and a fresh association works afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import type { Association } from '../../src/association/index.js';
import { AcsiClient } from '../../src/client/index.js';
import { encodePdu } from '../../src/codec/index.js';
import type { RequestServiceType, ResponseServiceType, UnconfirmedServiceType } from '../../src/pdu/index.js';
import { orIdentFromString, reasonCode, timeStampFromDate } from '../../src/pdu/index.js';
import { AcsiServer } from '../../src/server/index.js';
import { connect } from '../../src/transport/websocket.js';
import type { WsChannel } from '../../src/transport/websocket.js';
import { chargePointModel } from '../../examples/charge-point-model.js';
import { startEndpoint } from './helpers.js';
import type { TestEndpoint } from './helpers.js';
import { mutate, seeded } from './mutate.js';

const FRAMES = 10_000;
const DEADLINE_MS = 90_000;
/** Mutated frames between two liveness probes. */
const BATCH = 8;
const AID = '__AID__';
const origin = { orCat: 'remoteControl' as const, orIdent: orIdentFromString('fuzz') };
const t = timeStampFromDate(1_700_000_000_000);

const requests: RequestServiceType[] = [
  { getServerDirectory: { objectClass: 'logicalDevice' } },
  { getLogicalDeviceDirectory: { ldName: 'CP0001' } },
  { getLogicalNodeDirectory: { lnRef: 'CP0001/LLN0', aCSIClass: 'dataset' } },
  { getDataValues: { ref: { ref: 'CP0001/MMXU1.TotW', fc: 'mx' }, includeElementName: true } },
  { setDataValues: { ref: { ref: 'CP0001/DWMX1.WMaxSet.setMag.f', fc: 'sp' }, dataAttrVal: [{ data: { float32: 1000 } }] } },
  { getDatasetValues: { dsRef: 'CP0001/LLN0.Measurements' } },
  { getDataSetDirectory: { dsRef: 'CP0001/LLN0.Status' } },
  { getDataDefinition: { dataRef: 'CP0001/MMXU1.PhV' } },
  { setURCBValues: { urcbRef: 'CP0001/LLN0.urcbSetpoints', rptEna: true, gi: true } },
  { setBRCBValues: { brcbRef: 'CP0001/LLN0.brcbStatus', entryID: new Uint8Array(8), rptEna: true, intgPd: 5 } },
  { getBRCBValues: { brcbRef: 'CP0001/LLN0.brcbStatus' } },
  { operate: { ref: 'CP0001/DWMX1.WMaxSpt', ctlVal: { float32: 5000 }, origin, ctlNum: 1, t, test: false } },
  { selectWithValue: { ref: 'CP0001/DAGC1.WSpt', ctlVal: { float32: -100 }, origin, ctlNum: 2, t, test: false, check: { synchroCheck: false, interlockCheck: false } } },
  { cancel: { ref: 'CP0001/DAGC1.WSpt', ctlVal: { float32: -100 }, origin, ctlNum: 2, t, test: false } },
];
const requestTemplates = requests.map((service, i) => encodePdu({ request: { associateId: AID, invokeId: 100 + i, service } }));

const responses: ResponseServiceType[] = [
  { getDataValues: { dataAttrVal: [{ name: 'mag', data: { structure: { data: [{ float32: 7350.5 }] } } }, { data: { quality: { validity: 'good', source: 'process', test: false, operatorBlock: false } } }] } },
  { serviceError: 'instanceNotAvailable' },
  { operate: { success: true } },
];
const unconfirmed: UnconfirmedServiceType[] = [
  {
    report: {
      rptID: 'R1', sqNum: 3, subSqNum: 0, moreSegmentsFollow: false, bufOvfl: false, confRev: 1, dataSet: 'CP0001/LLN0.Status',
      entry: { timeOfEntry: t, entryID: new Uint8Array([0, 0, 0, 0, 0, 0, 0, 9]), entryData: [{ dataRef: 'CP0001/DESE1.ChaSt.stVal', value: [{ data: { enumerated: 3 } }], reasonCode: reasonCode({ dataChange: true }) }] },
    },
  },
  { cmdTerm: { ref: 'CP0001/DAGC1.WSpt', ctlVal: { float32: -100 }, origin, ctlNum: 2, t, test: false, check: { synchroCheck: false, interlockCheck: false }, addCause: 'blockedByHealth' } },
];

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

function heapMb(): number {
  return process.memoryUsage().heapUsed / 1e6;
}

describe('fuzz', () => {
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
  }, 120_000);

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
  }, 120_000);
});
