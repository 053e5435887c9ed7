import { describe, expect, it } from 'vitest';
import { createCommandService } from '../src/features/commands/command.service.js';
import { tick } from '../src/features/commands/command-scheduler.js';
import type { Command, CommandRequest } from '../src/features/commands/command-types.js';
import { actionAtWindowEnd, planLimit } from '../src/features/limits/limits.service.js';
import type { LimitSchedule } from '../src/features/limits/limit-schedule.js';
import { alice, bob, setup } from './commands-fakes.js';

const v2g: CommandRequest = { kind: 'v2gDischarge', chargePointId: 'CP1', evseNo: 1, dischargeW: 5_000, durationS: 600 };

describe('V2G window', () => {
  it('stops at the end of the window by operating back to 0, then expires', async () => {
    const { deps, device, clock } = setup();
    const svc = createCommandService(deps);
    const c = await svc.request({ request: v2g, actor: alice });
    clock.advance(599);
    expect((await tick(svc.runtime)).expired).toHaveLength(0);
    clock.advance(1);
    const { expired } = await tick(svc.runtime);
    expect(expired.map((x) => [x.id, x.state])).toEqual([[c.id, 'expired']]);
    expect(device.calls.map((x) => [x.op, x.call?.ref, x.call?.ctlVal])).toEqual([
      ['selectOperate', 'CP1/DAGC1.WSpt', { float32: -5_000 }],
      ['selectOperate', 'CP1/DAGC1.WSpt', { float32: 0 }],
    ]);
    expect(device.calls[1]?.call?.origin).toEqual({ orCat: 'automaticRemote', orIdent: 'automation:scheduler' });
  });

  it('a second discharge is refused while one is running, and allowed after it ended', async () => {
    const { deps, clock } = setup();
    const svc = createCommandService(deps);
    const c = await svc.request({ request: v2g, actor: alice });
    clock.advance(5);
    await svc.verify(c.id, [
      { quantity: 'activePowerSetpointW', value: -5_000, at: clock.now() },
      { quantity: 'activePowerW', value: -5_000, at: clock.now() },
      { quantity: 'evseStatus', value: 'Discharging', at: clock.now(), evseNo: 1 },
      { quantity: 'energyExportWh', value: 10, at: clock.now() },
    ]);
    expect((await svc.get(c.id)).state).toBe('verified');
    await expect(svc.request({ request: v2g, actor: bob })).rejects.toThrow(/is still running on CP1's V2G discharge/);
    clock.advance(600);
    await tick(svc.runtime);
    await expect(svc.request({ request: v2g, actor: bob })).resolves.toMatchObject({ state: 'acknowledged' });
  });

  it('cancel stops the discharge (operate 0) and records who cancelled', async () => {
    const { deps, device } = setup();
    const svc = createCommandService(deps);
    const c = await svc.request({ request: v2g, actor: alice });
    const cancelled = await svc.cancel(c.id, bob, 'frequency recovered');
    expect(cancelled.state).toBe('cancelled');
    expect(device.calls.at(-1)?.call).toMatchObject({ ref: 'CP1/DAGC1.WSpt', ctlVal: { float32: 0 }, origin: { orIdent: 'bob' } });
  });

  it('a refused stop keeps the command running and says so; the next tick tries again', async () => {
    const { deps, device, clock } = setup();
    const svc = createCommandService(deps);
    const c = await svc.request({ request: v2g, actor: alice });
    device.refusals.set('DAGC1.WSpt', { stage: 'termination', addCause: 'blockedByProcess' });
    clock.advance(600);
    const first = await tick(svc.runtime);
    expect(first.stopFailed[0]).toMatchObject({ id: c.id, state: 'notVerified' }); // nothing was reported during the window
    expect(first.stopFailed[0]?.outcome).toMatch(/Stopping the discharge failed: .*blocks it.* The EV may still be discharging/);
    const second = await tick(svc.runtime);
    expect(second.expired.map((x) => x.id)).toEqual([c.id]);
  });
});

describe('limit window end restores the previous schedule on the device', () => {
  it('sends the previous DSO limit (and its fallback) when a windowed limit ends', async () => {
    const cp = { id: 'CP1', connectionPointId: 'CN1', ratedImportW: 22_000 };
    const grid = { nodes: [{ id: 'CN1', kind: 'connectionPoint' as const, name: 'CN1', parentId: null, capacityW: 50_000 }], chargePoints: [cp] };
    let n = 0;
    const schedules: LimitSchedule[] = [];
    const { deps, device, clock } = setup();
    const limitsDeps = { now: clock.now, newId: () => `L${++n}` };
    schedules.push(...planLimit(limitsDeps, { target: { kind: 'chargePoint', chargePointId: 'CP1' }, importLimitW: 15_000, fallbackW: 6_000, fallbackTimeoutS: 300, priority: 0, reason: 'standing' }, grid, schedules, 'alice').perChargePoint);
    const windowed = planLimit(limitsDeps, { target: { kind: 'chargePoint', chargePointId: 'CP1' }, importLimitW: 5_000, endsAt: new Date(clock.now().getTime() + 3_600_000), priority: 2, reason: 'evening peak' }, grid, schedules, 'alice').perChargePoint[0]!;
    schedules.push(windowed);

    const restoreAfterWindow = (c: Command): Promise<CommandRequest | undefined> => {
      const ending = schedules.find((s) => c.request.kind === 'setImportLimit' && s.id === c.request.scheduleId);
      if (!ending) return Promise.resolve(undefined);
      const a = actionAtWindowEnd(cp, ending, schedules);
      const fallback = a.kind === 'restore' && a.fallbackW !== undefined && a.fallbackTimeoutS !== undefined ? { fallbackW: a.fallbackW, fallbackTimeoutS: a.fallbackTimeoutS } : {};
      return Promise.resolve({ kind: 'setImportLimit', chargePointId: cp.id, importLimitW: a.importLimitW, ...fallback });
    };
    const svc = createCommandService({ ...deps, restoreAfterWindow });
    await svc.request({ request: { kind: 'setImportLimit', chargePointId: 'CP1', importLimitW: 5_000, endsAt: windowed.endsAt!, scheduleId: windowed.id }, actor: alice });
    clock.advance(3_600);
    const { expired, restored } = await tick(svc.runtime);
    expect(expired.map((c) => c.state)).toEqual(['expired']);
    expect(restored[0]).toMatchObject({ state: 'acknowledged', orCat: 'automaticRemote', orIdent: 'automation:limit-scheduler' });
    expect(device.calls.slice(-2).map((c) => c.writes?.map((w) => w.value) ?? c.call?.ctlVal)).toEqual([[{ float32: 6_000 }, { int32: 300 }], { float32: 15_000 }]);
  });

  it('cancelling a windowed limit also restores the previous schedule; a plain limit is not restored', async () => {
    const { deps, device, clock, auditStore } = setup();
    const seen: string[] = [];
    const restoreAfterWindow = (c: Command): Promise<CommandRequest | undefined> => {
      seen.push(c.id);
      return Promise.resolve({ kind: 'setImportLimit', chargePointId: 'CP1', importLimitW: 15_000 });
    };
    const svc = createCommandService({ ...deps, restoreAfterWindow });
    const windowed = await svc.request({ request: { kind: 'setImportLimit', chargePointId: 'CP1', importLimitW: 5_000, endsAt: new Date(clock.now().getTime() + 3_600_000) }, actor: alice });
    await svc.cancel(windowed.id, bob, 'congestion over');
    expect(seen).toEqual([windowed.id]);
    expect(device.calls.at(-1)?.call).toMatchObject({ ctlVal: { float32: 15_000 }, origin: { orCat: 'automaticRemote', orIdent: 'automation:limit-scheduler' } });
    // the restore is itself a command in flight until verified: another limit on CP1 waits for it
    await expect(svc.request({ request: { kind: 'setImportLimit', chargePointId: 'CP1', importLimitW: 6_000 }, actor: alice })).rejects.toMatchObject({ code: 'conflict' });
    const plain = await svc.request({ request: { kind: 'setImportLimit', chargePointId: 'CP2', importLimitW: 6_000 }, actor: alice });
    await svc.cancel(plain.id, bob, 'x');
    expect(seen).toEqual([windowed.id]);
    expect(auditStore.records.filter((r) => r.actorId === 'automation:limit-scheduler').map((r) => r.action)).toEqual(['command.requested', 'command.sent', 'command.acknowledged']);
  });
});

