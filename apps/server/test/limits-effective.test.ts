import { describe, expect, it } from 'vitest';
import { effectiveLimit } from '../src/features/limits/effective-limit.js';
import { assertDsoWritable, cpoLimitSchedule } from '../src/features/limits/cpo-limit.js';
import { at, grid, schedule } from './limits-fixtures.js';

const cp1 = grid.chargePoints[0]!;

describe('effectiveLimit', () => {
  it('is the rating when nothing else applies', () => {
    const e = effectiveLimit(cp1, [], at(0));
    expect(e.limitW).toBe(22_000);
    expect(e.winner.source).toBe('rating');
    expect(e.explanation).toContain("the charge point's rating 22,000 W");
  });

  it('takes the minimum of DSO, CPO and rating and explains every constraint', () => {
    const dso = schedule({ importLimitW: 9_000, endsAt: at(120), reason: 'feeder F1 congestion' });
    const cpo = cpoLimitSchedule({ chargePointId: 'CP1', importLimitW: 11_000, reportedAt: at(-5) });
    const e = effectiveLimit(cp1, [dso, cpo], at(10));
    expect(e.limitW).toBe(9_000);
    expect(e.winner.scheduleId).toBe(dso.id);
    expect(e.constraints.map((c) => c.source).sort()).toEqual(['CPO', 'DSO', 'rating']);
    expect(e.explanation).toMatch(/Effective import limit 9,000 W: the DSO limit 9,000 W \(2026-11-25 14:00 UTC – 2026-11-25 16:00 UTC, set by alice \("feeder F1 congestion"\)\)/);
    expect(e.explanation).toContain("the CPO's own limit 11,000 W");
  });

  it('lets the CPO limit win when it is lower', () => {
    const dso = schedule({ importLimitW: 15_000 });
    const cpo = cpoLimitSchedule({ chargePointId: 'CP1', importLimitW: 6_000, reportedAt: at(-5) });
    const e = effectiveLimit(cp1, [dso, cpo], at(1));
    expect(e.limitW).toBe(6_000);
    expect(e.winner.source).toBe('CPO');
  });

  it('ignores schedules outside their window and schedules of other charge points', () => {
    const later = schedule({ importLimitW: 1_000, startsAt: at(60), endsAt: at(120) });
    const other = schedule({ importLimitW: 500, target: { kind: 'chargePoint', chargePointId: 'CP2' } });
    expect(effectiveLimit(cp1, [later, other], at(30)).limitW).toBe(22_000);
    expect(effectiveLimit(cp1, [later, other], at(60)).limitW).toBe(1_000);
    expect(effectiveLimit(cp1, [later, other], at(120)).limitW).toBe(22_000);
  });

  it('uses the highest-priority DSO schedule and reports the outranked one', () => {
    const standing = schedule({ importLimitW: 5_000, priority: 0 });
    const window = schedule({ importLimitW: 8_000, priority: 2, endsAt: at(60) });
    const e = effectiveLimit(cp1, [standing, window], at(10));
    expect(e.limitW).toBe(8_000);
    expect(e.outranked).toHaveLength(1);
    expect(e.outranked[0]?.constraint.scheduleId).toBe(standing.id);
    expect(e.explanation).toContain('Not counted');
  });

  it('applies the fallback only after the time-out without a link', () => {
    const dso = schedule({ importLimitW: 10_000, fallbackW: 4_000, fallbackTimeoutS: 300 });
    const offlineSince = at(0);
    expect(effectiveLimit(cp1, [dso], at(4), { online: false, offlineSince }).limitW).toBe(10_000);
    const e = effectiveLimit(cp1, [dso], at(5), { online: false, offlineSince });
    expect(e.limitW).toBe(4_000);
    expect(e.winner.source).toBe('fallback');
    expect(effectiveLimit(cp1, [dso], at(6), { online: true }).limitW).toBe(10_000);
  });
});

describe('CPO limit', () => {
  it('is a constraint with source CPO that the DSO never writes', () => {
    const s = cpoLimitSchedule({ chargePointId: 'CP1', importLimitW: 7_000, reportedAt: at(0) });
    expect(s.source).toBe('CPO');
    expect(() => assertDsoWritable(s)).toThrowError(/only writes its own \(DSO\) limits/);
    expect(() => assertDsoWritable(schedule({ importLimitW: 1 }))).not.toThrow();
  });
});
