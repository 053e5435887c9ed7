import { describe, expect, it } from 'vitest';
import {
  lastSeenText,
  liveSortValue,
  summaryOfDetail,
  type LiveSummary,
} from '../src/pages/charge-points/live-summary.js';

const online = (activePowerW: number | null): NonNullable<LiveSummary> => ({
  online: true,
  lastSeenMs: Date.UTC(2026, 10, 25, 14, 5, 3),
  activePowerW,
  questionable: false,
  importW: Math.max(activePowerW ?? 0, 0),
  exportW: Math.max(-(activePowerW ?? 0), 0),
  evses: [],
});

describe('live summary', () => {
  it('sorts charging above discharging above offline above no data', () => {
    const order = [online(11_000), online(-5_000), { ...online(null), online: false }, null]
      .map(liveSortValue)
      .every((v, i, all) => i === 0 || (all[i - 1] ?? 0) > v);
    expect(order).toBe(true);
  });

  it('says when a device was last heard, or that it never was', () => {
    expect(lastSeenText(online(0))).toMatch(/^last seen 25\/11\/2026, \d\d:05:03$/);
    expect(lastSeenText({ ...online(0), lastSeenMs: null })).toBe('never seen');
  });

  it('reduces the detail answer to the list summary; no state means no summary', () => {
    expect(summaryOfDetail(null)).toBeNull();
    expect(summaryOfDetail({ values: [] })).toBeNull();
    const summary = summaryOfDetail({ ...online(7_400), values: [] });
    expect(summary?.activePowerW).toBe(7_400);
    expect(summary?.online).toBe(true);
  });
});
