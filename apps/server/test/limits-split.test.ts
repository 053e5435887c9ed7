import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitNodeLimit } from '../src/features/limits/split-limit.js';

const cps = (ratings: number[]) => ratings.map((r, i) => ({ id: `CP${i}`, connectionPointId: 'CN', ratedImportW: r }));

describe('splitNodeLimit', () => {
  it('splits by rating in proportion, integer W', () => {
    const shares = splitNodeLimit(30_000, cps([22_000, 11_000, 11_000]), 'rating');
    expect(shares.map((s) => s.importLimitW)).toEqual([15_000, 7_500, 7_500]);
  });

  it('gives the rounding leftover to the largest remainders, never exceeding the limit', () => {
    const shares = splitNodeLimit(10_000, cps([7_400, 7_400, 7_400]), 'equal');
    expect(shares.map((s) => s.importLimitW)).toEqual([3_334, 3_333, 3_333]);
  });

  it('equal share gives a small charge point its rating and shares the rest (water-filling)', () => {
    const shares = splitNodeLimit(30_000, cps([22_000, 22_000, 3_700]), 'equal');
    expect(shares.map((s) => s.importLimitW)).toEqual([13_150, 13_150, 3_700]);
  });

  it('caps every share at the rating when the limit exceeds the sum of ratings', () => {
    const shares = splitNodeLimit(100_000, cps([22_000, 11_000]), 'rating');
    expect(shares.map((s) => s.importLimitW)).toEqual([22_000, 11_000]);
  });

  it('property: integers, sum = min(limit, Σ rating), each ≤ rating', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.array(fc.integer({ min: 0, max: 350_000 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom('rating' as const, 'equal' as const),
        (limit, ratings, mode) => {
          const shares = splitNodeLimit(limit, cps(ratings), mode);
          const sum = shares.reduce((a, s) => a + s.importLimitW, 0);
          expect(sum).toBe(Math.min(limit, ratings.reduce((a, b) => a + b, 0)));
          shares.forEach((s, i) => {
            expect(Number.isInteger(s.importLimitW)).toBe(true);
            expect(s.importLimitW).toBeGreaterThanOrEqual(0);
            expect(s.importLimitW).toBeLessThanOrEqual(ratings[i]!);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
