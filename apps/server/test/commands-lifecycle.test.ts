import { describe, expect, it } from 'vitest';
import { DomainError } from '../src/errors.js';
import { createCommandService } from '../src/features/commands/command.service.js';
import { onDeviceOnline, tick } from '../src/features/commands/command-scheduler.js';
import { alice, bob, chargePoint, cpoUser, setup, viewer } from './commands-fakes.js';

const limit = (importLimitW = 7_400) => ({ kind: 'setImportLimit' as const, chargePointId: 'CP1', importLimitW });

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('command lifecycle', () => {
  it('requested → sent → acknowledged, every step stored with time, orIdent, orCat and ctlNum', async () => {
    const { deps, device, published, auditStore } = setup();
    const svc = createCommandService(deps);
    const c = await svc.request({ request: limit(), actor: alice });
    expect(c.state).toBe('acknowledged');
    expect(c.transitions.map((t) => [t.from, t.to])).toEqual([[null, 'requested'], ['requested', 'sent'], ['sent', 'acknowledged']]);
    for (const t of c.transitions) expect(t).toMatchObject({ orIdent: 'alice', orCat: 'remoteControl' });
    expect(c.transitions[1]?.ctlNum).toBe(0);
    expect(device.calls).toEqual([{ op: 'operate', target: { chargePointId: 'CP1', accessPoint: 'CP1', ldName: 'CP1' }, call: { ref: 'CP1/DWMX1.WMaxSpt', ctlVal: { float32: 7_400 }, ctlNum: 0, origin: { orCat: 'remoteControl', orIdent: 'alice' } } }]);
    expect(published).toEqual(['c1:requested', 'c1:sent', 'c1:acknowledged']);
    expect(auditStore.records.map((r) => r.action)).toEqual(['command.requested', 'command.sent', 'command.acknowledged']);
    expect((await svc.get(c.id)).state).toBe('acknowledged');
  });

  it('automation sends with orCat automatic-remote', async () => {
    const { deps, device } = setup();
    const c = await createCommandService(deps).request({ request: limit(), actor: { kind: 'automation', name: 'congestion-manager' } });
    expect(c.orCat).toBe('automaticRemote');
    expect(device.calls[0]?.call?.origin).toEqual({ orCat: 'automaticRemote', orIdent: 'automation:congestion-manager' });
  });

  it('writes the fallback (WMaxSet/WMaxFto) before the limit', async () => {
    const { deps, device } = setup();
    await createCommandService(deps).request({ request: { ...limit(10_000), fallbackW: 4_000, fallbackTimeoutS: 120 }, actor: alice });
    expect(device.calls.map((c) => c.op)).toEqual(['setDataValues', 'operate']);
    expect(device.calls[0]?.writes).toEqual([
      { ref: 'CP1/DWMX1.WMaxSet.setMag.f', fc: 'sp', value: { float32: 4_000 } },
      { ref: 'CP1/DWMX1.WMaxFto.setVal', fc: 'sp', value: { int32: 120 } },
    ]);
  });

  it('a device refusal is a state with the AddCause in words, and a retry takes a new ctlNum', async () => {
    const { deps, device } = setup();
    device.refusals.set('DWMX1.WMaxSpt', { serviceError: 'accessNotAllowedInCurrentState', addCause: 'blockedByMode' });
    const svc = createCommandService(deps);
    const c = await svc.request({ request: limit(), actor: alice });
    expect(c.state).toBe('rejected');
    expect(c.transitions.at(-1)).toMatchObject({ addCause: 'blockedByMode', serviceError: 'accessNotAllowedInCurrentState' });
    expect(c.outcome).toContain('the charge point is blocked or switched off (LLN0.Mod)');
    const again = await svc.retry(c.id, bob);
    expect(again.state).toBe('acknowledged');
    expect(again.attempts).toBe(2);
    expect(device.calls.map((x) => x.call?.ctlNum)).toEqual([0, 1]);
    expect(again.transitions.at(-1)?.orIdent).toBe('bob');
    expect(device.calls[1]?.call?.origin).toEqual({ orCat: 'remoteControl', orIdent: 'bob' }); // who sends this attempt
  });

  it('no answer → timedOut', async () => {
    const { deps, device } = setup();
    device.refusals.set('DWMX1.WMaxSpt', { stage: 'timeout' });
    const c = await createCommandService(deps).request({ request: limit(), actor: alice });
    expect(c.state).toBe('timedOut');
    expect(c.outcome).toMatch(/no answer from the device/);
  });

  it('a failing fallback write stops before the limit is operated', async () => {
    const { deps, device } = setup();
    device.writeError = 'parameterValueInconsistent';
    const c = await createCommandService(deps).request({ request: { ...limit(10_000), fallbackW: 4_000, fallbackTimeoutS: 120 }, actor: alice });
    expect(c.state).toBe('rejected');
    expect(device.calls.map((x) => x.op)).toEqual(['setDataValues']);
    expect(c.outcome).toMatch(/inconsistent with the device's limits/);
  });

  it('a multi-step command that fails half way says what was and was not applied', async () => {
    const { deps, device } = setup();
    device.refusals.set('DFPF1.Mod', { addCause: 'blockedByHealth' });
    const c = await createCommandService(deps).request({ request: { kind: 'reactive', chargePointId: 'CP1', setting: { mode: 'powerFactor', powerFactor: 0.95, direction: 'injecting' } }, actor: alice });
    expect(c.state).toBe('rejected');
    expect(c.outcome).toMatch(/Already applied: fixed Q control off, cos φ 0.95 injecting; not applied: power factor control on/);
  });

  it('refuses a second conflicting command on the same target while one is running', async () => {
    const { deps, device } = setup();
    device.online.delete('CP1');
    const svc = createCommandService(deps);
    const first = await svc.request({ request: limit(), actor: alice });
    expect(first.state).toBe('waiting');
    const e = await refusal(svc.request({ request: limit(5_000), actor: bob }));
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(/Command c1 \(setImportLimit, waiting\) is still running on CP1's import limit; wait for it to finish or cancel it first/);
    // other functions, other charge points and meter reads are not in conflict
    await expect(svc.request({ request: { kind: 'frequencyResponse', chargePointId: 'CP1', enabled: true }, actor: bob })).resolves.toMatchObject({ state: 'waiting' });
    await expect(svc.request({ request: { ...limit(), chargePointId: 'CP2' }, actor: bob })).resolves.toMatchObject({ state: 'acknowledged' });
    await expect(svc.request({ request: { kind: 'readMeter', chargePointId: 'CP1', method: 'gi' }, actor: bob })).resolves.toMatchObject({ state: 'waiting' });
    // taking the charge point out of service conflicts with everything running
    expect((await refusal(svc.request({ request: { kind: 'outOfService', chargePointId: 'CP1', mode: 'off', reason: 'fire' }, actor: bob }))).code).toBe('conflict');
  });

  it('concurrent conflicting requests: exactly one is accepted', async () => {
    const { deps, device } = setup();
    device.online.delete('CP1');
    const svc = createCommandService(deps);
    const results = await Promise.allSettled([1, 2, 3].map((i) => svc.request({ request: limit(1_000 * i), actor: alice })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('offline: waits until the device is back, then sends', async () => {
    const { deps, device, clock } = setup();
    device.online.delete('CP1');
    const svc = createCommandService(deps);
    const c = await svc.request({ request: limit(), actor: alice, deadline: new Date(clock.now().getTime() + 600_000) });
    expect(c.state).toBe('waiting');
    expect(device.calls).toHaveLength(0);
    clock.advance(60);
    device.online.add('CP1');
    const [sent] = await onDeviceOnline(svc.runtime, 'CP1');
    expect(sent?.state).toBe('acknowledged');
    expect(sent?.transitions.map((t) => t.to)).toEqual(['requested', 'waiting', 'sent', 'acknowledged']);
  });

  it('offline: expires at the deadline without sending', async () => {
    const { deps, device, clock } = setup();
    device.online.delete('CP1');
    const svc = createCommandService(deps);
    await svc.request({ request: limit(), actor: alice, deadline: new Date(clock.now().getTime() + 60_000) });
    clock.advance(30);
    expect((await tick(svc.runtime)).expired).toHaveLength(0);
    clock.advance(30);
    const { expired } = await tick(svc.runtime);
    expect(expired[0]).toMatchObject({ state: 'expired' });
    expect(expired[0]?.transitions.at(-1)?.note).toMatch(/did not come back .*nothing was sent/);
    device.online.add('CP1');
    expect(await onDeviceOnline(svc.runtime, 'CP1')).toEqual([]);
    expect(device.calls).toHaveLength(0);
  });

  it('offline: fails at once when the operator chose so', async () => {
    const { deps, device } = setup();
    device.online.delete('CP1');
    const c = await createCommandService(deps).request({ request: limit(), actor: alice, whenOffline: 'fail' });
    expect(c).toMatchObject({ state: 'failed', outcome: 'CP1 is offline' });
  });

  it('refuses a deadline in the past', async () => {
    const { deps, clock } = setup();
    const e = await refusal(createCommandService(deps).request({ request: limit(), actor: alice, deadline: new Date(clock.now().getTime() - 1) }));
    expect(e.details).toMatchObject({ field: 'deadline' });
  });

  it('cancel: a waiting command is cancelled; a sent or finished one cannot be', async () => {
    const { deps, device } = setup();
    device.online.delete('CP1');
    const svc = createCommandService(deps);
    const c = await svc.request({ request: limit(), actor: alice });
    const cancelled = await svc.cancel(c.id, bob, 'no longer needed');
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.transitions.at(-1)).toMatchObject({ orIdent: 'bob', note: 'cancelled: no longer needed' });
    expect((await refusal(svc.cancel(c.id, bob, 'again'))).code).toBe('conflict');
    expect((await refusal(svc.retry(c.id, bob))).code).toBe('conflict');
  });

  it('viewer and CPO users may not send, retry or cancel controls', async () => {
    const { deps, device } = setup();
    const svc = createCommandService(deps);
    for (const actor of [viewer, cpoUser]) {
      const e = await refusal(svc.request({ request: limit(), actor }));
      expect(e.code).toBe('forbidden');
      expect(e.message).toMatch(/Only operators and admins may send controls/);
    }
    const c = await svc.request({ request: limit(), actor: alice });
    expect((await refusal(svc.cancel(c.id, viewer, 'x'))).code).toBe('forbidden');
    expect((await refusal(svc.retry(c.id, cpoUser))).code).toBe('forbidden');
    expect(device.calls).toHaveLength(1);
  });

  it('unknown charge point and unknown command are not_found', async () => {
    const { deps } = setup();
    const svc = createCommandService(deps);
    expect((await refusal(svc.request({ request: { ...limit(), chargePointId: 'nope' }, actor: alice }))).code).toBe('not_found');
    expect((await refusal(svc.get('nope'))).code).toBe('not_found');
  });

  it('ctlNum wraps at 128', () => {
    const { deps } = setup([chargePoint('CP1')]);
    const svc = createCommandService(deps);
    const nums: number[] = [];
    for (let i = 0; i < 130; i++) nums.push(svc.runtime.ctlNums.take('CP1'));
    expect(nums.slice(126)).toEqual([126, 127, 0, 1]);
  });
});
