// Same seed → same event sequence (autonomous drivers, frequency noise, everything seeded).
import { describe, expect, it } from 'vitest';
import { Fleet, generateFleet, ManualClock } from '../src/index.js';
import type { SimEvent } from '../src/index.js';

function run(seed: number): SimEvent[] {
  const fleet = new Fleet({ serverUrl: 'ws://127.0.0.1:9', fleet: generateFleet({ public: 6, residential: 6, seed: 5 }), seed, clock: new ManualClock(Date.UTC(2026, 0, 15, 6, 0, 0)) });
  fleet.advance(3 * 3_600_000); // 06:00 → 09:00 at 1 s steps, never started (no sockets)
  const events = [...fleet.events()];
  void fleet.stop();
  return events;
}

describe('determinism', () => {
  it('the same seed gives the same event sequence', () => {
    const a = run(42);
    const b = run(42);
    expect(a.length).toBeGreaterThan(50);
    expect(b).toEqual(a);
    const kinds = new Set(a.map((e) => e.kind));
    for (const k of ['evArrived', 'transactionStarted', 'transactionStopped', 'evDeparted', 'status']) expect(kinds.has(k as SimEvent['kind'])).toBe(true);
  });

  it('another seed gives another sequence', () => {
    expect(run(43)).not.toEqual(run(42));
  });

  it('generateFleet is reproducible', () => {
    expect(generateFleet({ public: 10, residential: 10, seed: 9 })).toEqual(generateFleet({ public: 10, residential: 10, seed: 9 }));
  });
});

describe('generated fleets', () => {
  it('spread residential charge points over gateways of at most 250 LDs', () => {
    const fleet = generateFleet({ residential: 600, seed: 1 });
    expect(fleet.accessPoints.map((a) => [a.id, a.chargePoints.length])).toEqual([['GW-HOMEWATT', 250], ['GW-HOMEWATT-2', 250], ['GW-HOMEWATT-3', 100]]);
    expect(fleet.accessPoints[2]?.chargePoints[99]?.id).toBe('HW-0600');
  });
});
