// Property test of the lifecycle: random operator actions, device refusals, link losses and time
// steps (bounded runs of bounded length); after every run the stored commands and the audit trail
// must satisfy the invariants below.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../src/errors.js';
import { verifyChain } from '../src/features/audit/audit-chain.js';
import { onDeviceOnline, tick } from '../src/features/commands/command-scheduler.js';
import { canTransition } from '../src/features/commands/command-state-machine.js';
import { createCommandService, isRunning } from '../src/features/commands/command.service.js';
import type { Actor, Command, CommandRequest } from '../src/features/commands/command-types.js';
import { alice, bob, setup, viewer } from './commands-fakes.js';

const CPS = ['CP1', 'CP2'] as const;
const requestFor = (kind: number, cp: string, now: Date): CommandRequest =>
  [
    { kind: 'setImportLimit', chargePointId: cp, importLimitW: 7_400 },
    { kind: 'v2gDischarge', chargePointId: cp, evseNo: 1, dischargeW: 5_000, durationS: 300 },
    { kind: 'reactive', chargePointId: cp, setting: { mode: 'powerFactor', powerFactor: 0.95, direction: 'absorbing' } },
    { kind: 'frequencyResponse', chargePointId: cp, enabled: true, droopPctPerHz: 5 },
    { kind: 'outOfService', chargePointId: cp, mode: 'blocked', reason: 'maintenance' },
    { kind: 'readMeter', chargePointId: cp, method: 'gi' },
    { kind: 'setImportLimit', chargePointId: cp, importLimitW: 3_000, endsAt: new Date(now.getTime() + 300_000) },
  ][kind] as CommandRequest;

type Op =
  | { op: 'request'; kind: number; cp: number; actor: number; fail: boolean }
  | { op: 'cancel' | 'retry'; pick: number; actor: number }
  | { op: 'verify'; pick: number; agree: boolean }
  | { op: 'link'; cp: number; online: boolean }
  | { op: 'refuse'; cause: number }
  | { op: 'time'; seconds: number };

const actors: Actor[] = [alice, bob, viewer, { kind: 'automation', name: 'fuzz' }];
const causes = ['blockedByMode', 'inconsistentParameters', 'blockedByProcess'] as const;

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('request' as const), kind: fc.nat(6), cp: fc.nat(1), actor: fc.nat(3), fail: fc.boolean() }),
  fc.record({ op: fc.constantFrom('cancel' as const, 'retry' as const), pick: fc.nat(20), actor: fc.nat(3) }),
  fc.record({ op: fc.constant('verify' as const), pick: fc.nat(20), agree: fc.boolean() }),
  fc.record({ op: fc.constant('link' as const), cp: fc.nat(1), online: fc.boolean() }),
  fc.record({ op: fc.constant('refuse' as const), cause: fc.nat(2) }),
  fc.record({ op: fc.constant('time' as const), seconds: fc.integer({ min: 0, max: 700 }) }),
);

function checkTransitions(c: Command): void {
  expect(c.transitions[0]).toMatchObject({ from: null, to: 'requested' });
  for (let i = 1; i < c.transitions.length; i++) {
    const prev = c.transitions[i - 1]!;
    const t = c.transitions[i]!;
    expect(t.from).toBe(prev.to);
    expect(canTransition(prev.to, t.to)).toBe(true);
    expect(t.at.getTime()).toBeGreaterThanOrEqual(prev.at.getTime());
    if (t.ctlNum !== null) expect(t.ctlNum).toBeGreaterThanOrEqual(0);
    if (t.ctlNum !== null) expect(t.ctlNum).toBeLessThan(128);
  }
  expect(c.state).toBe(c.transitions.at(-1)?.to);
  expect(c.state).not.toBe('sent'); // every attempt has been answered when the call returns
}

describe('command lifecycle under random operations', () => {
  it('keeps its invariants', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 40 }), async (ops) => {
        const s = setup();
        const restoreAfterWindow = (c: Command): Promise<CommandRequest> => Promise.resolve({ kind: 'setImportLimit', chargePointId: c.chargePointId, importLimitW: 11_000 });
        const svc = createCommandService({ ...s.deps, restoreAfterWindow });
        const ids: string[] = [];
        for (const o of ops) {
          try {
            if (o.op === 'request') ids.push((await svc.request({ request: requestFor(o.kind, CPS[o.cp]!, s.clock.now()), actor: actors[o.actor]!, whenOffline: o.fail ? 'fail' : 'wait' })).id);
            else if (o.op === 'cancel' && ids.length > 0) await svc.cancel(ids[o.pick % ids.length]!, actors[o.actor]!, 'fuzz');
            else if (o.op === 'retry' && ids.length > 0) await svc.retry(ids[o.pick % ids.length]!, actors[o.actor]!);
            else if (o.op === 'verify' && ids.length > 0) {
              const at = s.clock.now();
              await svc.verify(ids[o.pick % ids.length]!, [{ quantity: 'importLimitSetpointW', value: o.agree ? 7_400 : 1, at }, { quantity: 'activePowerW', value: 0, at }]);
            } else if (o.op === 'link') {
              const cp = CPS[o.cp]!;
              if (o.online) {
                s.device.online.add(cp);
                await onDeviceOnline(svc.runtime, cp);
              } else s.device.online.delete(cp);
            } else if (o.op === 'refuse') s.device.refusals.set('', { addCause: causes[o.cause]! });
            else if (o.op === 'time') {
              s.clock.advance(o.seconds);
              await tick(svc.runtime);
            }
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
          }
        }
        const all = await s.store.list();
        all.forEach(checkTransitions);
        const now = s.clock.now();
        for (const cp of CPS) {
          // the limit scheduler's restore only yields to a newer limit (not to a mode change): left out here
          const running = all.filter((c) => c.chargePointId === cp && c.kind !== 'readMeter' && isRunning(c, now) && c.orIdent !== 'automation:limit-scheduler');
          const groups = running.map((c) => (c.kind === 'setFallback' ? 'setImportLimit' : c.kind));
          expect(new Set(groups).size).toBe(groups.length); // one running command per function
          if (groups.includes('outOfService')) expect(groups).toEqual(['outOfService']);
        }
        expect(all.filter((c) => c.requestedBy.kind === 'operator' && c.requestedBy.role === 'viewer')).toEqual([]);
        expect(verifyChain(s.auditStore.records).ok).toBe(true);
        const transitions = all.reduce((n, c) => n + c.transitions.length, 0);
        expect(s.auditStore.records.filter((r) => r.action !== 'command.stopFailed')).toHaveLength(transitions);
      }),
      { numRuns: 300 },
    );
  });
});
