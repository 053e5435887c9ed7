import { describe, expect, it } from 'vitest';
import { DomainError } from '../src/errors.js';
import { validateLimitRequest, type LimitRequest } from '../src/features/limits/limit-validation.js';
import { at, grid, schedule } from './limits-fixtures.js';

const now = at(0);
const base: LimitRequest = { target: { kind: 'chargePoint', chargePointId: 'CP1' }, importLimitW: 10_000, reason: 'congestion' };

function refusal(req: Partial<LimitRequest>, existing = [] as ReturnType<typeof schedule>[]): DomainError {
  try {
    validateLimitRequest({ ...base, ...req }, grid, existing, now);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('validateLimitRequest', () => {
  it('accepts a valid charge point limit, now and open-ended', () => {
    const v = validateLimitRequest(base, grid, [], now);
    expect(v).toEqual({ startsAt: now, endsAt: null, shares: [{ chargePointId: 'CP1', importLimitW: 10_000 }] });
  });

  it('refuses a limit above the rating, saying the maximum', () => {
    const e = refusal({ importLimitW: 25_000 });
    expect(e.code).toBe('invalid_input');
    expect(e.message).toBe('The limit 25,000 W is above the rating of CP1 (22,000 W); lower it to at most 22,000 W.');
    expect(e.details).toMatchObject({ field: 'importLimitW', ratedImportW: 22_000 });
  });

  it('refuses negative or fractional watts', () => {
    expect(refusal({ importLimitW: -1 }).details).toMatchObject({ field: 'importLimitW' });
    expect(refusal({ importLimitW: 10.5 }).details).toMatchObject({ field: 'importLimitW' });
  });

  it('refuses a window that ends before it starts', () => {
    const e = refusal({ startsAt: at(60), endsAt: at(30) });
    expect(e.message).toMatch(/ends .* before it starts .*; choose an end after the start/);
    expect(e.details).toMatchObject({ field: 'endsAt' });
  });

  it('refuses a window that ends in the past', () => {
    expect(refusal({ startsAt: at(-60), endsAt: at(-1) }).message).toMatch(/ends|past/);
  });

  it('refuses a fallback above the limit, and half a fallback', () => {
    const e = refusal({ fallbackW: 12_000, fallbackTimeoutS: 60 });
    expect(e.message).toBe('The fallback limit (12,000 W) is above the limit (10,000 W); lower the fallback to at most 10,000 W.');
    expect(refusal({ fallbackW: 5_000 }).message).toMatch(/both the fallback limit and its time-out/);
    expect(refusal({ fallbackW: 5_000, fallbackTimeoutS: 0 }).details).toMatchObject({ field: 'fallbackTimeoutS' });
  });

  it('refuses a missing reason', () => {
    expect(refusal({ reason: '  ' }).details).toMatchObject({ field: 'reason' });
  });

  it('refuses unknown targets with not_found', () => {
    expect(refusal({ target: { kind: 'chargePoint', chargePointId: 'nope' } }).code).toBe('not_found');
    expect(refusal({ target: { kind: 'feeder', nodeId: 'CN1' } }).code).toBe('not_found');
  });

  it('splits a feeder limit over all its charge points', () => {
    const v = validateLimitRequest({ ...base, target: { kind: 'feeder', nodeId: 'F1' }, importLimitW: 20_000, split: 'equal' }, grid, [], now);
    expect(v.shares).toEqual([
      { chargePointId: 'CP1', importLimitW: 5_000 },
      { chargePointId: 'CP2', importLimitW: 5_000 },
      { chargePointId: 'CP3', importLimitW: 5_000 },
      { chargePointId: 'CP4', importLimitW: 5_000 },
    ]);
  });

  describe('parent capacity guarantee', () => {
    it('refuses when the connection point could be loaded above its capacity', () => {
      // CN2 (30 kW) holds CP3 (11 kW) and CP4 (7.4 kW): fine. CN1 (40 kW): CP1 22 kW + CP2 11 kW = 33 kW: fine.
      // Feeder F1 (60 kW): 22 + 11 + 11 + 7.4 = 51.4 kW: fine → a guarantee passes as-is.
      expect(() => validateLimitRequest({ ...base, importLimitW: 22_000, guaranteeParentCapacity: true }, grid, [], now)).not.toThrow();
      const tight = { ...grid, nodes: grid.nodes.map((n) => (n.id === 'F1' ? { ...n, capacityW: 45_000 } : n)) };
      const e = (() => {
        try {
          validateLimitRequest({ ...base, importLimitW: 22_000, guaranteeParentCapacity: true }, tight, [], now);
        } catch (err) {
          return err as DomainError;
        }
        throw new Error('expected refusal');
      })();
      expect(e.message).toMatch(/under Feeder F1 could draw 51,400 W .* above its capacity of 45,000 W; lower the limit by at least 6,400 W/);
      expect(e.details).toMatchObject({ nodeId: 'F1', capacityW: 45_000, plannedLoadW: 51_400 });
      // with other charge points already limited it fits
      const others = [schedule({ importLimitW: 4_000, target: { kind: 'chargePoint', chargePointId: 'CP3' } })];
      expect(() => validateLimitRequest({ ...base, importLimitW: 22_000, guaranteeParentCapacity: true }, tight, others, now)).not.toThrow();
    });

    it('checks again where another schedule ends inside the window', () => {
      const tight = { ...grid, nodes: grid.nodes.map((n) => (n.id === 'F1' ? { ...n, capacityW: 45_000 } : n)) };
      const others = [schedule({ importLimitW: 4_000, target: { kind: 'chargePoint', chargePointId: 'CP3' }, endsAt: at(30) })];
      expect(() => validateLimitRequest({ ...base, importLimitW: 22_000, endsAt: at(20), guaranteeParentCapacity: true }, tight, others, now)).not.toThrow();
      expect(() => validateLimitRequest({ ...base, importLimitW: 22_000, endsAt: at(60), guaranteeParentCapacity: true }, tight, others, now)).toThrowError(/Feeder F1/);
    });

    it('without a guarantee no parent check is made', () => {
      const tight = { ...grid, nodes: grid.nodes.map((n) => (n.id === 'F1' ? { ...n, capacityW: 1 } : n)) };
      expect(() => validateLimitRequest(base, tight, [], now)).not.toThrow();
    });
  });
});
