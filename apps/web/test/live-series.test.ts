import { describe, expect, it } from 'vitest';
import { appendLive, emptySeries, joinSeries } from '../src/charts/cp-series.js';
import { appendStackPoint, topSeries } from '../src/charts/series-buffer.js';
import type { LiveMessage, LiveSample } from '../src/live/live-store.js';
import { gridLive, liveNodeIds } from '../src/pages/grid/grid-live.js';
import { applyLiveMessage, EMPTY_LIVE } from '../src/live/live-store.js';
import { isLate, mergeEvents } from '../src/pages/charge-points/events-timeline.js';
import { resetLiveConnection, retainLiveView, setLiveConnection, liveConnectionState } from '../src/api/live-connection.js';

const sample = (over: Partial<LiveSample>): LiveSample => ({ chargePointId: 'A', evseNo: 0, measurand: 'activePowerW', value: 0, deviceTimeMs: 0, receivedAtMs: 0, validity: 0, qualityFlags: 0, late: false, ...over });
const msg = (over: Partial<LiveMessage>): LiveMessage => ({ seq: 1, atMs: 0, samples: [], online: [], nodes: [], ...over });

describe('charge point chart series', () => {
  it('appends charted samples of its charge point, invalid as a gap, late ones in time order', () => {
    let s = appendLive(emptySeries(), msg({ atMs: 10_000, samples: [sample({ value: 5_000, deviceTimeMs: 10_000 }), sample({ chargePointId: 'B', value: 1 }), sample({ measurand: 'voltageL1V', value: 230 })] }), 'A', 10_000);
    s = appendLive(s, msg({ atMs: 12_000, samples: [sample({ value: 1, validity: 1, deviceTimeMs: 12_000 }), sample({ value: 4_000, deviceTimeMs: 9_000, late: true })] }), 'A', 12_000);
    expect(s.activePowerW.map((p) => [p.t, p.v, p.late ?? false])).toEqual([[9_000, 4_000, true], [10_000, 5_000, false], [12_000, null, false]]);
    expect(s.frequencyHz).toEqual([]);
  });
  it('breaks every line when the charge point goes offline and drops points older than the window', () => {
    let s = appendLive(emptySeries(), msg({ atMs: 0, samples: [sample({ value: 1 })] }), 'A', 0);
    s = appendLive(s, msg({ atMs: 5_000, online: [{ chargePointId: 'A', online: false }] }), 'A', 5_000, 60_000);
    expect(s.powerFactor).toEqual([{ t: 5_000, v: null }]);
    s = appendLive(s, msg({ atMs: 70_000 }), 'A', 70_000, 60_000);
    expect(s.activePowerW).toEqual([{ t: 5_000, v: null }]); // only what is in force at the window start
  });
  it('keeps a value older than the window (a device reporting on change) and draws it from the window start', () => {
    const s = appendLive(emptySeries(), msg({ atMs: 100_000, samples: [sample({ value: 11_000, deviceTimeMs: 1_000 })] }), 'A', 100_000, 60_000);
    expect(s.activePowerW).toEqual([{ t: 1_000, v: 11_000, questionable: false, late: false }]);
    expect(joinSeries([], s.activePowerW, 40_000, 100_000).map((p) => [p.t, p.v])).toEqual([[40_000, 11_000], [100_000, 11_000]]);
  });
  it('joins history and live, carrying the value in force into the window and holding the last one to now', () => {
    const history = [{ t: 0, v: 1 }, { t: 50, v: 2 }, { t: 150, v: 9 }];
    const live = [{ t: 120, v: 3 }];
    expect(joinSeries(history, live, 20, 200)).toEqual([{ t: 20, v: 1 }, { t: 50, v: 2 }, { t: 120, v: 3 }, { t: 200, v: 3 }]);
    expect(joinSeries([], [{ t: 5, v: null }], 0, 10)).toEqual([{ t: 5, v: null }]);
  });
});

describe('node stacked power', () => {
  it('keeps the latest kW per followed charge point, one point per message', () => {
    const latest = new Map<string, number>();
    const ids = new Set(['A', 'B']);
    let points = appendStackPoint(latest, [], msg({ atMs: 1, samples: [sample({ value: 11_000 }), sample({ chargePointId: 'B', value: -3_000 }), sample({ chargePointId: 'C', value: 5 })] }), ids);
    points = appendStackPoint(latest, points, msg({ atMs: 2, online: [{ chargePointId: 'B', online: false }] }), ids);
    expect(points).toEqual([{ t: 1, A: 11, B: -3 }, { t: 2, A: 11 }]);
    expect(topSeries(new Map([['A', 1], ['B', -5], ['C', 3]]), 2)).toEqual(['B', 'C']);
  });
});

describe('grid overview live figures', () => {
  it('orders nodes top-down and sums the roots', () => {
    const nodes = [
      { id: 'CP1', kind: 'connectionPoint' },
      { id: 'S1', kind: 'substation' },
      { id: 'F1', kind: 'feeder' },
    ] as const;
    expect(liveNodeIds(nodes, 2)).toEqual(['S1', 'F1']);
    const agg = { importW: 0, exportW: 0, netW: 30_000, chargingCount: 2, dischargingCount: 1, chargePointCount: 4, onlineCount: 3, capacityW: 100_000, headroomW: 70_000 };
    const live = applyLiveMessage(EMPTY_LIVE, msg({ nodes: [{ id: 'S1', ...agg }], online: [{ chargePointId: 'A', online: true }, { chargePointId: 'B', online: true }], samples: [sample({ measurand: 'frequencyHz', value: 49.9 }), sample({ chargePointId: 'B', measurand: 'frequencyHz', value: 50.1 })] }));
    expect(gridLive(['S1'], live.nodes, live.chargePoints)).toMatchObject({ netW: 30_000, charging: 2, discharging: 1, online: 3, chargePoints: 4, frequencyHz: 50 });
    expect(gridLive(['S9'], live.nodes, live.chargePoints)).toBeNull();
  });
});

describe('events timeline', () => {
  const e = (id: number, atMs: number, over: Record<string, unknown> = {}) => ({ id, kind: 'evseStatus', chargePointId: 'A', accessPointId: 'AP', evseNo: 1, message: '', details: {}, atMs, receivedAtMs: atMs, ...over });
  it('merges the link events of its access point, newest first, and labels late data', () => {
    const merged = mergeEvents([e(1, 10), e(3, 30)], [e(2, 20, { kind: 'associationDown', chargePointId: null }), e(4, 40, { kind: 'associationUp', chargePointId: null, accessPointId: 'OTHER' })], 'AP');
    expect(merged.map((x) => x.id)).toEqual([3, 2, 1]);
    expect(isLate(e(5, 0, { receivedAtMs: 60_000 }))).toBe(true);
    expect(isLate(e(6, 0, { details: { late: true } }))).toBe(true);
    expect(isLate(e(7, 0))).toBe(false);
  });
});

describe('live connection banner state', () => {
  it('is lost only when an open socket drops while a live view is shown', () => {
    resetLiveConnection();
    setLiveConnection('closed', 1006);
    expect(liveConnectionState()).toBe('idle');
    const release = retainLiveView();
    setLiveConnection('open');
    setLiveConnection('closed', 1006);
    expect(liveConnectionState()).toBe('lost');
    setLiveConnection('open');
    setLiveConnection('closed', 1005); // the client's own idle close
    expect(liveConnectionState()).toBe('idle');
    setLiveConnection('open');
    setLiveConnection('closed', 1006);
    release();
    expect(liveConnectionState()).toBe('idle');
  });
});
