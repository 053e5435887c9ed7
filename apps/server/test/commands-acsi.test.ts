// The command service over the real protocol stack: DeviceControlPort backed by AcsiClient, a
// device (AcsiServer) dialling in over a real WebSocket on 127.0.0.1 (reverse mode).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AcsiClient, AcsiServer, attachRtiEndpoint, connect, stringFromOrIdent, type ControlServiceStatusKind, type ModelJson, type WsChannel } from '@dso/iec61850';
import { afterEach, describe, expect, it } from 'vitest';
import { createAcsiDevicePort } from '../src/features/commands/acsi-device-port.js';
import { createCommandService } from '../src/features/commands/command.service.js';
import { InMemoryCommandStore } from '../src/features/commands/command-store.js';
import type { Observation } from '../src/features/commands/verification.js';
import { alice, bob, chargePoint, FakeClock } from './commands-fakes.js';

const model: ModelJson = {
  logicalDevices: [
    {
      name: 'CP1',
      logicalNodes: [
        { name: 'LLN0', dataObjects: [{ name: 'Mod', cdc: 'ENC', value: 1, min: 1, max: 5 }, { name: 'Beh', cdc: 'ENS', value: 1 }] },
        {
          name: 'DWMX1',
          dataObjects: [
            { name: 'WMaxSpt', cdc: 'APC', unit: 'W', value: 22_000, min: 0, max: 11_000 },
            { name: 'WMaxSet', cdc: 'ASG', unit: 'W', value: 22_000, min: 0, max: 22_000 },
            { name: 'WMaxFto', cdc: 'ING', unit: 's', value: 300, min: 0, max: 86_400 },
          ],
        },
        { name: 'DAGC1', dataObjects: [{ name: 'WSpt', cdc: 'APC', unit: 'W', value: 0, min: -11_000, max: 22_000, ctlModel: 'sbo-with-enhanced-security' }] },
        { name: 'MMXU1', dataObjects: [{ name: 'TotW', cdc: 'MV', unit: 'W', value: 11_000 }] },
        { name: 'MMTR1', dataObjects: [{ name: 'DmdWh', cdc: 'BCR', unit: 'Wh', value: 0 }, { name: 'SupWh', cdc: 'BCR', unit: 'Wh', value: 0 }] },
      ],
    },
  ],
};

interface Rig {
  http: Server;
  device: AcsiServer;
  client: AcsiClient;
  controls: string[];
}
let rig: Rig | undefined;

async function start(verdict: (ref: string) => ControlServiceStatusKind | 'accept' = () => 'accept'): Promise<Rig> {
  const http = createServer((_q, s) => s.writeHead(404).end());
  let accepted: (c: WsChannel) => void = () => undefined;
  const channel = new Promise<WsChannel>((resolve) => (accepted = resolve));
  attachRtiEndpoint(http, { onChannel: (c) => accepted(c) });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const controls: string[] = [];
  const device = new AcsiServer({
    model,
    onControl: (ref, value, origin) => {
      controls.push(`${ref} ${JSON.stringify(value)} ${origin.orCat} ${stringFromOrIdent(origin.orIdent)}`);
      return verdict(ref);
    },
  });
  device.attach(await connect(`ws://127.0.0.1:${(http.address() as AddressInfo).port}/rti/CP1`));
  const client = AcsiClient.attach(await channel);
  if (!(await client.ready())) throw new Error('association failed');
  return { http, device, client, controls };
}

afterEach(async () => {
  if (!rig) return;
  rig.device.close();
  rig.http.closeAllConnections();
  await new Promise<void>((resolve) => rig?.http.close(() => resolve()));
  rig = undefined;
});

function service(r: Rig, clock = new FakeClock()) {
  let n = 0;
  const port = createAcsiDevicePort({ clientFor: () => r.client, isOnline: () => true }, { terminationTimeoutMs: 2_000 });
  const cp = chargePoint('CP1');
  return createCommandService({ store: new InMemoryCommandStore(), device: port, directory: { get: (id) => Promise.resolve(id === 'CP1' ? cp : undefined) }, clock, newId: () => `c${++n}` });
}

const value = (r: Rig, ref: string): unknown => Object.values(r.device.valueOf(ref) ?? {})[0];

describe('commands over a real association', () => {
  it('limit with fallback: WMaxSet/WMaxFto written, WMaxSpt operated with the operator as origin', async () => {
    rig = await start();
    const c = await service(rig).request({ request: { kind: 'setImportLimit', chargePointId: 'CP1', importLimitW: 7_400, fallbackW: 3_000, fallbackTimeoutS: 120 }, actor: alice });
    expect(c.state).toBe('acknowledged');
    expect(value(rig, 'CP1/DWMX1.WMaxSpt.mxVal.f')).toBe(7_400);
    expect(value(rig, 'CP1/DWMX1.WMaxSet.setMag.f')).toBe(3_000);
    expect(value(rig, 'CP1/DWMX1.WMaxFto.setVal')).toBe(120);
    expect(rig.controls).toEqual(['CP1/DWMX1.WMaxSpt {"float32":7400} remoteControl alice']);
  });

  it('the device refuses a value outside its range: rejected, AddCause in words', async () => {
    rig = await start();
    const c = await service(rig).request({ request: { kind: 'setImportLimit', chargePointId: 'CP1', importLimitW: 15_000 }, actor: alice });
    expect(c.state).toBe('rejected');
    expect(c.transitions.at(-1)?.addCause).toBe('inconsistentParameters');
    expect(c.outcome).toMatch(/the value is outside what the device accepts/);
  });

  it('blocked by mode after out-of-service, and back', async () => {
    rig = await start();
    const clock = new FakeClock();
    const svc = service(rig, clock);
    const off = await svc.request({ request: { kind: 'outOfService', chargePointId: 'CP1', mode: 'off', reason: 'emergency at the substation' }, actor: alice });
    expect(off.state).toBe('acknowledged');
    // until its verification the mode command is running: every other control conflicts
    await expect(svc.request({ request: { kind: 'setImportLimit', chargePointId: 'CP1', importLimitW: 5_000 }, actor: alice })).rejects.toMatchObject({ code: 'conflict' });
    const mod = await rig.client.getValue('CP1/LLN0.Mod.stVal', 'st');
    const reported = mod.ok && mod.value && 'enumerated' in mod.value ? mod.value.enumerated : -1;
    expect((await svc.verify(off.id, [{ quantity: 'mode', value: reported, at: clock.now() }])).state).toBe('verified');
    const refused = await svc.request({ request: { kind: 'setImportLimit', chargePointId: 'CP1', importLimitW: 5_000 }, actor: alice });
    expect(refused.outcome).toMatch(/the charge point is blocked or switched off \(LLN0.Mod\)/);
    const on = await svc.request({ request: { kind: 'outOfService', chargePointId: 'CP1', mode: 'on', reason: 'emergency over' }, actor: alice });
    expect(on.state).toBe('acknowledged');
    expect(value(rig, 'CP1/LLN0.Mod.stVal')).toBe(1);
  });

  it('V2G: select-before-operate with enhanced security, then cancel operates back to 0', async () => {
    rig = await start();
    const svc = service(rig);
    const c = await svc.request({ request: { kind: 'v2gDischarge', chargePointId: 'CP1', evseNo: 1, dischargeW: 5_000, durationS: 600 }, actor: alice });
    expect(c.state).toBe('acknowledged');
    expect(value(rig, 'CP1/DAGC1.WSpt.mxVal.f')).toBe(-5_000);
    const cancelled = await svc.cancel(c.id, bob, 'done');
    expect(cancelled.state).toBe('cancelled');
    expect(value(rig, 'CP1/DAGC1.WSpt.mxVal.f')).toBe(0);
    expect(rig.controls.at(-1)).toBe('CP1/DAGC1.WSpt {"float32":0} remoteControl bob');
  });

  it('CommandTermination − from the device: rejected with its AddCause', async () => {
    rig = await start((ref) => (ref.endsWith('DAGC1.WSpt') ? 'blockedByProcess' : 'accept'));
    const c = await service(rig).request({ request: { kind: 'v2gDischarge', chargePointId: 'CP1', evseNo: 1, dischargeW: 5_000, durationS: 600 }, actor: alice });
    expect(c).toMatchObject({ state: 'rejected' });
    expect(c.transitions.at(-1)).toMatchObject({ addCause: 'blockedByProcess' });
  });

  it('acknowledged but not complying (power stays above the limit) → not verified', async () => {
    rig = await start();
    const clock = new FakeClock();
    const svc = service(rig, clock);
    const c = await svc.request({ request: { kind: 'setImportLimit', chargePointId: 'CP1', importLimitW: 7_400 }, actor: alice });
    clock.advance(61);
    const read = async (ref: string): Promise<number> => {
      const r = await rig!.client.getValue(ref, 'mx');
      if (!r.ok || !r.value || !('float32' in r.value)) throw new Error(`cannot read ${ref}`);
      return r.value.float32;
    };
    const at = new Date(clock.now().getTime() - 30_000);
    const observations: Observation[] = [
      { quantity: 'importLimitSetpointW', value: await read('CP1/DWMX1.WMaxSpt.mxVal.f'), at },
      { quantity: 'activePowerW', value: await read('CP1/MMXU1.TotW.mag.f'), at },
    ];
    const v = await svc.verify(c.id, observations);
    expect(v.state).toBe('notVerified');
    expect(v.outcome).toBe('activePowerW is 11000, expected measured power at most 7400 W');
  });

  it('no association: the command times out instead of hanging', async () => {
    rig = await start();
    const port = createAcsiDevicePort({ clientFor: () => undefined, isOnline: () => true });
    const svc = createCommandService({ store: new InMemoryCommandStore(), device: port, directory: { get: () => Promise.resolve(chargePoint('CP1')) }, clock: new FakeClock(), newId: () => 'x1' });
    const c = await svc.request({ request: { kind: 'setImportLimit', chargePointId: 'CP1', importLimitW: 5_000 }, actor: alice });
    expect(c.state).toBe('timedOut');
    expect(c.outcome).toMatch(/notAssociated/);
  });
});
