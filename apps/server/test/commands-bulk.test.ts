import { describe, expect, it } from 'vitest';
import { DomainError } from '../src/errors.js';
import { createBulkActions } from '../src/features/commands/bulk-actions.js';
import type { BulkChargePoint } from '../src/features/commands/bulk-preview.js';
import { createCommandService } from '../src/features/commands/command.service.js';
import { alice, bob, chargePoint, setup, viewer } from './commands-fakes.js';

const noFunctions = { v2g: false, powerFactor: false, fixedQ: false, frequencyResponse: false };
const cps = [
  chargePoint('CP1', { cpoId: 'cpo-a' }),
  chargePoint('CP2', { cpoId: 'cpo-a', ratedImportW: 11_000 }),
  chargePoint('CP3', { cpoId: 'cpo-b', ratedImportW: 11_000, functions: noFunctions }),
  chargePoint('CP4', { cpoId: 'cpo-b', ratedImportW: 11_000 }),
];
const powerW: Record<string, number> = { CP1: 20_000, CP2: 9_000, CP3: 11_000, CP4: 2_000 };

function bulkSetup(secondApprovalAboveW = 50_000) {
  const s = setup(cps);
  s.device.online.delete('CP4');
  const commands = createCommandService(s.deps);
  let n = 0;
  const bulk = createBulkActions({
    commands,
    clock: s.clock,
    newId: () => `b${++n}`,
    secondApprovalAboveW,
    audit: s.audit,
    directory: {
      node: (id) => Promise.resolve(id === 'F1' ? { id: 'F1', name: 'Feeder F1', kind: 'feeder' as const } : undefined),
      chargePointsUnder: () => Promise.resolve(cps.map((info): BulkChargePoint => ({ info, online: s.device.isOnline(info.id), activePowerW: powerW[info.id] ?? null }))),
    },
  });
  return { ...s, bulk, commands };
}

describe('bulk actions', () => {
  it('previews the impact: per charge point, kW shed per CPO, who will not comply', async () => {
    const { bulk, device } = bulkSetup();
    const a = await bulk.preview({ kind: 'setImportLimit', nodeId: 'F1', importLimitW: 22_000, split: 'rating' }, alice);
    expect(a.preview.items.map((i) => [i.chargePointId, i.request.kind === 'setImportLimit' ? i.request.importLimitW : null, i.shedW])).toEqual([
      ['CP1', 8_800, 11_200],
      ['CP2', 4_400, 4_600],
      ['CP3', 4_400, 6_600],
      ['CP4', 4_400, 0],
    ]);
    expect(a.preview.shedByCpoW).toEqual({ 'cpo-a': 15_800, 'cpo-b': 6_600 });
    expect(a.preview.totalShedW).toBe(22_400);
    expect(a.preview.notComplying).toEqual([{ chargePointId: 'CP4', whyNot: 'CP4 is offline; its command will wait for it' }]);
    expect(a.preview.summary).toBe('4 charge points under Feeder F1; 22.4 kW shed (cpo-a 15.8 kW, cpo-b 6.6 kW); 1 will not comply now.');
    expect(device.calls).toHaveLength(0); // a preview sends nothing
  });

  it('incapable devices are listed and not sent anything', async () => {
    const { bulk } = bulkSetup();
    const a = await bulk.preview({ kind: 'reactive', nodeId: 'F1', setting: { mode: 'powerFactor', powerFactor: 0.95, direction: 'absorbing' } }, alice);
    expect(a.preview.items.find((i) => i.chargePointId === 'CP3')).toMatchObject({ send: false, willComply: false, whyNot: 'CP3 has no power factor control (no DFPF1).' });
  });

  it('below the threshold: confirmation sends, with an outcome per charge point', async () => {
    const { bulk, device, auditStore } = bulkSetup();
    const a = await bulk.preview({ kind: 'reactive', nodeId: 'F1', setting: { mode: 'powerFactor', powerFactor: 0.95, direction: 'absorbing' } }, alice);
    device.refusals.set('CP2/DFPF1.PFTgtSpt', { addCause: 'blockedByMode' });
    const done = await bulk.confirm(a.id, alice);
    expect(done.state).toBe('executed');
    expect(done.outcomes.map((o) => [o.chargePointId, o.result])).toEqual([
      ['CP1', 'acknowledged'],
      ['CP2', 'rejected'],
      ['CP3', 'notSent'],
      ['CP4', 'waiting'],
    ]);
    expect(done.result?.status).toBe('partiallyApplied');
    expect(done.result?.summary).toMatch(/^1 of 4 charge points acknowledged; CP2 rejected: .*blocked or switched off.*; CP3 notSent: CP3 has no power factor control .*; CP4 waiting: CP4 is offline/);
    expect(auditStore.records.map((r) => r.action)).toContain('bulk.executed');
  });

  it('above the threshold a second operator must approve, not the same person', async () => {
    const { bulk, device } = bulkSetup(10_000);
    const a = await bulk.preview({ kind: 'setImportLimit', nodeId: 'F1', importLimitW: 22_000, split: 'rating' }, alice);
    expect(a.preview.needsSecondApproval).toBe(true);
    expect((await bulk.confirm(a.id, alice)).state).toBe('awaitingApproval');
    expect(device.calls).toHaveLength(0);
    await expect(bulk.approve(a.id, alice)).rejects.toThrow(/A second operator must approve; alice created or confirmed this action/);
    await expect(bulk.approve(a.id, viewer)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(bulk.approve(a.id, { kind: 'automation', name: 'x' })).rejects.toThrow(/A person must approve/);
    const done = await bulk.approve(a.id, bob);
    expect(done.approvedBy).toEqual(bob);
    expect(done.outcomes.map((o) => o.result)).toEqual(['acknowledged', 'acknowledged', 'acknowledged', 'waiting']);
    expect(done.result?.status).toBe('partiallyApplied');
    await expect(bulk.approve(a.id, bob)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('a conflicting running command on one charge point is reported, the rest proceed', async () => {
    const { bulk, commands, device } = bulkSetup();
    device.online.delete('CP1');
    await commands.request({ request: { kind: 'setImportLimit', chargePointId: 'CP1', importLimitW: 1_000 }, actor: bob });
    const a = await bulk.preview({ kind: 'setImportLimit', nodeId: 'F1', importLimitW: 22_000, split: 'equal' }, alice);
    const done = await bulk.confirm(a.id, alice);
    expect(done.outcomes[0]).toMatchObject({ chargePointId: 'CP1', result: 'refused', commandId: null });
    expect(done.outcomes[0]?.note).toMatch(/still running on CP1/);
  });

  it('refusals: viewer, unknown node, discard', async () => {
    const { bulk } = bulkSetup();
    await expect(bulk.preview({ kind: 'outOfService', nodeId: 'F1', mode: 'off', reason: 'fire' }, viewer)).rejects.toBeInstanceOf(DomainError);
    await expect(bulk.preview({ kind: 'outOfService', nodeId: 'F9', mode: 'off', reason: 'fire' }, alice)).rejects.toMatchObject({ code: 'not_found' });
    const a = await bulk.preview({ kind: 'outOfService', nodeId: 'F1', mode: 'off', reason: 'fire' }, alice);
    expect(a.preview.totalShedW).toBe(42_000);
    expect((await bulk.discard(a.id, alice, 'wrong feeder')).state).toBe('discarded');
    await expect(bulk.confirm(a.id, alice)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('an interrupted run is stored as executing with the outcomes so far', async () => {
    const s = setup(cps);
    let calls = 0;
    const flaky = { get: (id: string) => (++calls === 2 ? Promise.reject(new Error('database gone')) : Promise.resolve(cps.find((c) => c.id === id))) };
    const commands = createCommandService({ ...s.deps, directory: flaky });
    const bulk = createBulkActions({
      commands,
      clock: s.clock,
      newId: () => 'b1',
      secondApprovalAboveW: 1e9,
      directory: {
        node: () => Promise.resolve({ id: 'F1', name: 'Feeder F1', kind: 'feeder' as const }),
        chargePointsUnder: () => Promise.resolve(cps.map((info): BulkChargePoint => ({ info, online: true, activePowerW: 0 }))),
      },
    });
    const a = await bulk.preview({ kind: 'frequencyResponse', nodeId: 'F1', enabled: true, droopPctPerHz: 5 }, alice);
    await expect(bulk.confirm(a.id, alice)).rejects.toThrow('database gone');
    const stored = await bulk.get(a.id);
    expect(stored.state).toBe('executing');
    expect(stored.outcomes.map((o) => [o.chargePointId, o.result])).toEqual([['CP1', 'acknowledged']]);
  });
});

