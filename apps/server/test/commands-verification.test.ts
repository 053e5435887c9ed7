import { describe, expect, it } from 'vitest';
import { createCommandService } from '../src/features/commands/command.service.js';
import { tick } from '../src/features/commands/command-scheduler.js';
import type { CommandRequest } from '../src/features/commands/command-types.js';
import { verifyCommand, type Observation } from '../src/features/commands/verification.js';
import { alice, setup } from './commands-fakes.js';

const ACK = new Date('2026-11-25T14:00:00.000Z');
const after = (s: number): Date => new Date(ACK.getTime() + s * 1000);
const obs = (quantity: Observation['quantity'], value: number | string, s: number, evseNo?: number): Observation => ({ quantity, value, at: after(s), ...(evseNo === undefined ? {} : { evseNo }) });
const limit: CommandRequest = { kind: 'setImportLimit', chargePointId: 'CP1', importLimitW: 7_400 };

describe('verifyCommand (pure)', () => {
  it('verified when the reported setpoint and the measured power agree', () => {
    const v = verifyCommand({ request: limit }, [obs('importLimitSetpointW', 7_400, 1), obs('activePowerW', 11_000, 1), obs('activePowerW', 7_300, 10)], ACK);
    expect(v.verified).toBe(true);
    expect(v.why).toBe('The device reports what was commanded.');
  });

  it('acknowledged but not complying → not verified, with why', () => {
    const v = verifyCommand({ request: limit }, [obs('importLimitSetpointW', 7_400, 1), obs('activePowerW', 11_000, 1), obs('activePowerW', 10_900, 30)], ACK);
    expect(v.verified).toBe(false);
    expect(v.why).toBe('activePowerW is 10900, expected measured power at most 7400 W');
  });

  it('a wrong reported setpoint, or none in the window, is not verified', () => {
    expect(verifyCommand({ request: limit }, [obs('importLimitSetpointW', 11_000, 1), obs('activePowerW', 0, 2)], ACK).why).toBe('importLimitSetpointW is 11000, expected reported limit 7400 W');
    expect(verifyCommand({ request: limit }, [obs('importLimitSetpointW', 7_400, 90), obs('activePowerW', 0, 2)], ACK).why).toBe('no importLimitSetpointW reported within 60 s (expected reported limit 7400 W)');
    expect(verifyCommand({ request: limit }, [obs('importLimitSetpointW', 7_400, -5), obs('activePowerW', 0, 2)], ACK).verified).toBe(false);
  });

  it('tolerance: max(250 W, 5 %)', () => {
    expect(verifyCommand({ request: limit }, [obs('importLimitSetpointW', 7_400, 1), obs('activePowerW', 7_770, 5)], ACK).verified).toBe(true);
    expect(verifyCommand({ request: limit }, [obs('importLimitSetpointW', 7_400, 1), obs('activePowerW', 7_771, 5)], ACK).verified).toBe(false);
  });

  it('V2G: setpoint, negative power, Discharging and a rising export register', () => {
    const r: CommandRequest = { kind: 'v2gDischarge', chargePointId: 'CP1', evseNo: 1, dischargeW: 5_000, durationS: 600 };
    const good = [obs('energyExportWh', 1_000, -10), obs('activePowerSetpointW', -5_000, 1), obs('activePowerW', -4_900, 5), obs('evseStatus', 'Discharging', 2, 1), obs('energyExportWh', 1_007, 6)];
    expect(verifyCommand({ request: r }, good, ACK).verified).toBe(true);
    const stillCharging = good.map((o) => (o.quantity === 'evseStatus' ? { ...o, value: 'Charging' } : o.quantity === 'energyExportWh' && o.value === 1_007 ? { ...o, value: 1_000 } : o));
    const v = verifyCommand({ request: r }, stillCharging, ACK);
    expect(v.verified).toBe(false);
    expect(v.checks.filter((c) => !c.ok).map((c) => c.quantity)).toEqual(['evseStatus', 'energyExportWh']);
  });

  it('reactive: reported PF target, function on and measured PF', () => {
    const r: CommandRequest = { kind: 'reactive', chargePointId: 'CP1', setting: { mode: 'powerFactor', powerFactor: 0.95, direction: 'absorbing' } };
    expect(verifyCommand({ request: r }, [obs('pfTarget', 0.95, 1), obs('pfMode', 1, 1), obs('powerFactor', 0.96, 5)], ACK).verified).toBe(true);
    expect(verifyCommand({ request: r }, [obs('pfTarget', 0.95, 1), obs('pfMode', 1, 1), obs('powerFactor', 1, 5)], ACK).verified).toBe(false);
  });

  it('frequency response and mode: reported settings', () => {
    const f: CommandRequest = { kind: 'frequencyResponse', chargePointId: 'CP1', enabled: true, deadBandHz: 0.2, droopPctPerHz: 5 };
    expect(verifyCommand({ request: f }, [obs('frequencyResponseMode', 1, 1), obs('deadBandHz', 0.2, 1), obs('droopPctPerHz', 5, 1)], ACK).verified).toBe(true);
    const m: CommandRequest = { kind: 'outOfService', chargePointId: 'CP1', mode: 'off', reason: 'fire' };
    expect(verifyCommand({ request: m }, [obs('mode', 1, 1)], ACK).why).toBe('mode is 1, expected mode off');
  });
});

describe('verification in the lifecycle', () => {
  it('acknowledged → verified', async () => {
    const { deps, clock } = setup();
    const svc = createCommandService(deps);
    const c = await svc.request({ request: limit, actor: alice });
    clock.advance(5);
    const v = await svc.verify(c.id, [obs('importLimitSetpointW', 7_400, 1), obs('activePowerW', 7_000, 4)]);
    expect(v.state).toBe('verified');
    expect(v.transitions.at(-1)).toMatchObject({ orCat: 'automaticRemote', orIdent: 'automation:verification' });
  });

  it('device acknowledges but does not comply → stays acknowledged within the window, then not verified with why', async () => {
    const { deps, clock, published } = setup();
    const svc = createCommandService(deps);
    const c = await svc.request({ request: limit, actor: alice });
    const observations = [obs('importLimitSetpointW', 7_400, 1), obs('activePowerW', 11_000, 5)];
    clock.advance(10);
    expect((await svc.verify(c.id, observations)).state).toBe('acknowledged');
    clock.advance(60);
    const v = await svc.verify(c.id, observations);
    expect(v.state).toBe('notVerified');
    expect(v.outcome).toBe('activePowerW is 11000, expected measured power at most 7400 W');
    expect(v.verification?.checks.find((x) => x.quantity === 'activePowerW')).toMatchObject({ ok: false, observed: '11000' });
    expect(published.at(-1)).toBe(`${c.id}:notVerified`);
    // a retry is a new attempt with a new ctlNum
    const again = await svc.retry(c.id, alice);
    expect(again.state).toBe('acknowledged');
    expect(again.ctlNum).not.toBe(c.ctlNum);
  });

  it('verify on a command that is not acknowledged changes nothing', async () => {
    const { deps, device } = setup();
    device.online.delete('CP1');
    const svc = createCommandService(deps);
    const c = await svc.request({ request: limit, actor: alice });
    expect((await svc.verify(c.id, [])).state).toBe('waiting');
  });

  it('the scheduler settles overdue commands: nothing reported → not verified, saying so', async () => {
    const { deps, clock } = setup();
    const svc = createCommandService(deps);
    const c = await svc.request({ request: limit, actor: alice });
    clock.advance(59);
    expect((await tick(svc.runtime)).settled).toHaveLength(0);
    clock.advance(1);
    const { settled } = await tick(svc.runtime);
    expect(settled.map((x) => [x.id, x.state])).toEqual([[c.id, 'notVerified']]);
    expect(settled[0]?.outcome).toBe('no importLimitSetpointW reported within 60 s (expected reported limit 7400 W); no activePowerW reported within 60 s (expected measured power at most 7400 W)');
  });

  it('the scheduler uses the observations port when there is one', async () => {
    const { deps, clock } = setup();
    const svc = createCommandService({ ...deps, observationsFor: () => Promise.resolve([obs('importLimitSetpointW', 7_400, 1), obs('activePowerW', 7_000, 2)]) });
    await svc.request({ request: limit, actor: alice });
    clock.advance(60);
    expect((await tick(svc.runtime)).settled.map((x) => x.state)).toEqual(['verified']);
  });
});
