import { describe, expect, it } from 'vitest';
import { effectiveLimit } from '../src/features/limits/effective-limit.js';
import { actionAtWindowEnd, planLimit, windowsEndingBetween } from '../src/features/limits/limits.service.js';
import { at, grid, schedule } from './limits-fixtures.js';

const cp1 = grid.chargePoints[0]!;
let id = 0;
const deps = { now: () => at(0), newId: () => `L${++id}` };

describe('window end', () => {
  it('restores the previous schedule when a window ends', () => {
    const standing = schedule({ importLimitW: 15_000, priority: 0, fallbackW: 6_000, fallbackTimeoutS: 300 });
    const plan = planLimit(deps, { target: { kind: 'chargePoint', chargePointId: 'CP1' }, importLimitW: 5_000, endsAt: at(60), priority: 2, reason: 'peak' }, grid, [standing], 'alice');
    const window = plan.perChargePoint[0]!;
    const all = [standing, window];
    expect(effectiveLimit(cp1, all, at(30)).limitW).toBe(5_000);
    expect(windowsEndingBetween(all, at(30), at(90))).toEqual([window]);
    const action = actionAtWindowEnd(cp1, window, all);
    expect(action).toMatchObject({ kind: 'restore', importLimitW: 15_000, fallbackW: 6_000, fallbackTimeoutS: 300 });
    expect(effectiveLimit(cp1, all, at(60)).limitW).toBe(15_000);
  });

  it('goes back to the rating when no other DSO schedule applies', () => {
    const window = schedule({ importLimitW: 5_000, endsAt: at(60) });
    expect(actionAtWindowEnd(cp1, window, [window])).toMatchObject({ kind: 'rating', importLimitW: 22_000 });
  });

  it('does not restore a schedule that itself has ended by then', () => {
    const earlier = schedule({ importLimitW: 9_000, priority: 0, endsAt: at(30) });
    const window = schedule({ importLimitW: 5_000, priority: 2, endsAt: at(60) });
    expect(actionAtWindowEnd(cp1, window, [earlier, window]).kind).toBe('rating');
  });

  it('refuses an open-ended schedule', () => {
    expect(() => actionAtWindowEnd(cp1, schedule({ importLimitW: 1 }), [])).toThrowError(/open-ended/);
  });
});

describe('planLimit', () => {
  it('makes one schedule per charge point under a node, linked to the node schedule, fallback split too', () => {
    const plan = planLimit(deps, { target: { kind: 'connectionPoint', nodeId: 'CN1' }, importLimitW: 30_000, fallbackW: 9_000, fallbackTimeoutS: 120, reason: 'works' }, grid, [], 'bob');
    expect(plan.parent).toMatchObject({ source: 'DSO', importLimitW: 30_000, target: { kind: 'connectionPoint', nodeId: 'CN1' } });
    expect(plan.perChargePoint.map((s) => [s.target, s.importLimitW, s.fallbackW, s.parentScheduleId])).toEqual([
      [{ kind: 'chargePoint', chargePointId: 'CP1' }, 20_000, 6_000, plan.parent?.id],
      [{ kind: 'chargePoint', chargePointId: 'CP2' }, 10_000, 3_000, plan.parent?.id],
    ]);
    for (const s of plan.perChargePoint) expect(s.fallbackW!).toBeLessThanOrEqual(s.importLimitW);
  });
});
