// Pure physics: sharing a limit over EVSEs, the charging curve, P(f), PF/Q.
import { describe, expect, it } from 'vitest';
import { evChargeDemandW, frequencyCapW, reactivePower, shareLimit } from '../src/device/physics.js';
import { Prng } from '../src/prng.js';

describe('shareLimit', () => {
  it('splits equally, gives what one EVSE does not need to the others', () => {
    expect(shareLimit([11_000, 11_000], 7_400)).toEqual([3_700, 3_700]);
    expect(shareLimit([2_000, 11_000], 7_400)).toEqual([2_000, 5_400]);
    expect(shareLimit([0, 11_000], 50_000)).toEqual([0, 11_000]);
    expect(shareLimit([5_000, 5_000], 0)).toEqual([0, 0]);
  });

  it('never exceeds the limit or a demand (seeded random cases)', () => {
    const rng = new Prng(7);
    for (let i = 0; i < 500; i += 1) {
      const demands = Array.from({ length: rng.int(1, 6) }, () => (rng.chance(0.2) ? 0 : rng.range(0, 50_000)));
      const limit = rng.range(0, 100_000);
      const out = shareLimit(demands, limit);
      const total = out.reduce((a, b) => a + b, 0);
      expect(total).toBeLessThanOrEqual(limit + 1e-6);
      out.forEach((w, k) => expect(w).toBeLessThanOrEqual((demands[k] ?? 0) + 1e-6));
      expect(total).toBeCloseTo(Math.min(limit, demands.reduce((a, b) => a + b, 0)), 3);
    }
  });
});

describe('EV and grid functions', () => {
  it('charging curve: flat to 80 %, tapering to 10 % near full, zero when full', () => {
    const ev = { socPct: 50, capacityWh: 60_000, v2g: false, maxChargeW: 11_000, maxDischargeW: 11_000 };
    expect(evChargeDemandW(ev)).toBe(11_000);
    expect(evChargeDemandW({ ...ev, socPct: 90 })).toBeCloseTo(11_000 * 0.55);
    expect(evChargeDemandW({ ...ev, socPct: 100 })).toBe(0);
  });

  it('P(f): dead band, droop, idle when off or within the band', () => {
    const s = { enabled: true, deadBandHz: 0.2, droopPctPerHz: 100, ratedW: 22_000 };
    expect(frequencyCapW(49.9, s)).toEqual({ capW: Number.POSITIVE_INFINITY, active: false });
    expect(frequencyCapW(49.5, s).capW).toBeCloseTo(22_000 * 0.7);
    expect(frequencyCapW(49.5, s).active).toBe(true);
    expect(frequencyCapW(49.5, { ...s, enabled: false }).active).toBe(false);
    expect(frequencyCapW(40, s).capW).toBe(0);
  });

  it('PF target (+ absorbing) and fixed Q, limited by the rating', () => {
    const pf = reactivePower(10_000, { kind: 'pf', pf: 0.95 }, 11_000);
    expect(pf.pf).toBeCloseTo(0.95);
    expect(pf.var).toBeGreaterThan(0);
    const cap = reactivePower(10_000, { kind: 'pf', pf: -0.95 }, 11_000);
    expect(cap.var).toBeLessThan(0);
    expect(cap.pf).toBeCloseTo(-0.95);
    expect(reactivePower(10_000, { kind: 'var', targetVar: 50_000 }, 11_000).var).toBe(11_000);
    expect(reactivePower(0, { kind: 'none' }, 11_000)).toEqual({ var: 0, pf: 1 });
  });
});

describe('V2G at the SoC floor', () => {
  it('holds at 0 W (SuspendedEVSE) instead of flapping between discharge and charge', async () => {
    const { Fleet, ManualClock, scenarioFleet } = await import('../src/index.js');
    const fleet = new Fleet({ serverUrl: 'ws://127.0.0.1:9', fleet: scenarioFleet(), clock: new ManualClock(), autonomous: false, offline: true });
    const cp = fleet.chargePoint('VC-0001');
    cp.plugIn(1, { socPct: 20.5, capacityWh: 10_000, v2g: true });
    cp.startTransaction(1);
    cp.sink.write('DAGC1.WSpt', -5_000, 0); // as an accepted SBO operate would leave it
    const seen = new Set<string>();
    for (let i = 0; i < 60; i += 1) {
      fleet.advance(1000);
      seen.add(cp.state.evses[0]?.status ?? '?');
    }
    expect(cp.state.evses[0]?.status).toBe('SuspendedEVSE');
    expect(seen.has('Charging')).toBe(false);
    expect(cp.state.evses[0]?.socPct).toBeGreaterThan(19.9);
    await fleet.stop();
  });
});

describe('limit in force', () => {
  it('is the local rating until the DSO or the CPO sets one; ties go to the source that set it', async () => {
    const { limitsInForce } = await import('../src/device/allocate.js');
    const { scenarioFleet } = await import('../src/index.js');
    const cp = scenarioFleet().accessPoints[0]?.chargePoints[0];
    if (!cp) throw new Error('fixture');
    const s = { mod: 1, dsoLimitW: 22_000, fallbackW: 5_000, fallbackTimeoutS: 10, v2gSetpointW: 0, reactive: { kind: 'none' as const }, pfEnabled: false, freqEnabled: false, deadBandHz: 0.2, droopPctPerHz: 40 };
    const inputs = { cpoW: 22_000, dsoLinkDownMs: undefined, dsoHasSet: false, cpoHasSet: false };
    expect(limitsInForce(cp, s, inputs)).toMatchObject({ source: 'local', effectiveW: 22_000 });
    expect(limitsInForce(cp, s, { ...inputs, cpoHasSet: true })).toMatchObject({ source: 'cpo', effectiveW: 22_000 });
    expect(limitsInForce(cp, { ...s, dsoLimitW: 7_400 }, { ...inputs, dsoHasSet: true, cpoW: 9_000, cpoHasSet: true })).toMatchObject({ source: 'dso', effectiveW: 7_400 });
    expect(limitsInForce(cp, { ...s, dsoLimitW: 7_400 }, { ...inputs, dsoHasSet: true, dsoLinkDownMs: 11_000 })).toMatchObject({ source: 'fallback', effectiveW: 5_000, fallbackActive: true });
    expect(limitsInForce(cp, { ...s, dsoLimitW: 7_400 }, { ...inputs, dsoHasSet: true, dsoLinkDownMs: 9_000 })).toMatchObject({ source: 'dso', fallbackActive: false });
  });
});
