import { describe, expect, it } from 'vitest';
import { assertCanRead, commandsVisibleTo, schedulesVisibleTo } from '../src/features/commands/command-scope.js';
import { createCommandService } from '../src/features/commands/command.service.js';
import { cpoLimitSchedule } from '../src/features/limits/cpo-limit.js';
import type { LimitSchedule } from '../src/features/limits/limit-schedule.js';
import { alice, chargePoint, setup } from './commands-fakes.js';

const cpoOf = (id: string): string | undefined => ({ CP1: 'cpo-a', CP2: 'cpo-b' })[id];

describe('what CPO users may read', () => {
  it('DSO staff see all commands; a CPO only those on its own charge points', async () => {
    const { deps } = setup([chargePoint('CP1'), chargePoint('CP2')]);
    const svc = createCommandService(deps);
    await svc.request({ request: { kind: 'setImportLimit', chargePointId: 'CP1', importLimitW: 5_000 }, actor: alice });
    await svc.request({ request: { kind: 'setImportLimit', chargePointId: 'CP2', importLimitW: 5_000 }, actor: alice });
    const all = await svc.list();
    expect(commandsVisibleTo(null, all, cpoOf)).toHaveLength(2);
    expect(commandsVisibleTo({ cpoId: 'cpo-a' }, all, cpoOf).map((c) => c.chargePointId)).toEqual(['CP1']);
    expect(commandsVisibleTo({ cpoId: 'cpo-z' }, all, cpoOf)).toEqual([]);
  });

  it('a CPO sees the limits on its own charge points, not node limits or others', () => {
    const base = { source: 'DSO' as const, priority: 1, importLimitW: 5_000, startsAt: new Date(0), endsAt: null, createdBy: 'alice', createdAt: new Date(0), reason: 'r' };
    const schedules: LimitSchedule[] = [
      { ...base, id: 'n', target: { kind: 'feeder', nodeId: 'F1' } },
      { ...base, id: 'a', target: { kind: 'chargePoint', chargePointId: 'CP1' }, parentScheduleId: 'n' },
      { ...base, id: 'b', target: { kind: 'chargePoint', chargePointId: 'CP2' }, parentScheduleId: 'n' },
      cpoLimitSchedule({ chargePointId: 'CP1', importLimitW: 7_000, reportedAt: new Date(0) }),
    ];
    expect(schedulesVisibleTo({ cpoId: 'cpo-a' }, schedules, cpoOf).map((s) => s.id)).toEqual(['a', 'cpo:CP1']);
    expect(schedulesVisibleTo(null, schedules, cpoOf)).toHaveLength(4);
  });

  it('reading another CPO\'s charge point is forbidden', () => {
    expect(() => assertCanRead({ cpoId: 'cpo-a' }, 'CP2', cpoOf)).toThrowError(/belongs to another CPO/);
    expect(() => assertCanRead({ cpoId: 'cpo-a' }, 'CP1', cpoOf)).not.toThrow();
    expect(() => assertCanRead(null, 'CP2', cpoOf)).not.toThrow();
  });
});
