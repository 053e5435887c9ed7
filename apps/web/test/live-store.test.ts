import { describe, expect, it } from 'vitest';
import { applyLiveMessage, EMPTY_LIVE, type LiveMessage, type LiveSample } from '../src/live/live-store.js';
import { summaryOfLive, withLive } from '../src/live/live-summary-of.js';
import type { LiveSummary } from '../src/pages/charge-points/live-summary.js';
import { qualityOf, staleAfterMs } from '../src/live/quality.js';
import { unwrapTracked } from '../src/live/use-live-feed.js';

const sample = (over: Partial<LiveSample>): LiveSample => ({
  chargePointId: 'VC-0001',
  evseNo: 0,
  measurand: 'activePowerW',
  value: 0,
  deviceTimeMs: 1_000,
  receivedAtMs: 1_000,
  validity: 0,
  qualityFlags: 0,
  late: false,
  ...over,
});
const message = (over: Partial<LiveMessage>): LiveMessage => ({ seq: 1, atMs: 1_000, samples: [], online: [], nodes: [], ...over });

describe('live store', () => {
  it('folds the backlog then changes, keeping untouched charge points as they were', () => {
    let s = applyLiveMessage(EMPTY_LIVE, message({ online: [{ chargePointId: 'VC-0001', online: true }, { chargePointId: 'VC-0002', online: false }], samples: [sample({ value: 7_400 })] }));
    const before = s.chargePoints.get('VC-0002');
    s = applyLiveMessage(s, message({ atMs: 2_000, samples: [sample({ value: 11_000, deviceTimeMs: 2_000, receivedAtMs: 2_000 })] }));
    expect(s.chargePoints.get('VC-0001')?.values.get('0/activePowerW')?.value).toBe(11_000);
    expect(s.chargePoints.get('VC-0001')?.lastSeenMs).toBe(2_000);
    expect(s.chargePoints.get('VC-0002')).toBe(before);
    expect(s.atMs).toBe(2_000);
  });

  it('does not let an older late value replace the newer one shown', () => {
    let s = applyLiveMessage(EMPTY_LIVE, message({ samples: [sample({ value: 5, deviceTimeMs: 5_000 })] }));
    s = applyLiveMessage(s, message({ samples: [sample({ value: 3, deviceTimeMs: 3_000, late: true })] }));
    expect(s.chargePoints.get('VC-0001')?.values.get('0/activePowerW')?.value).toBe(5);
  });

  it('keeps node aggregates until a message brings new ones', () => {
    const node = { id: 'F1', importW: 1, exportW: 0, netW: 1, chargingCount: 1, dischargingCount: 0, chargePointCount: 2, onlineCount: 2, capacityW: 10, headroomW: 9 };
    let s = applyLiveMessage(EMPTY_LIVE, message({ nodes: [node] }));
    s = applyLiveMessage(s, message({}));
    expect(s.nodes.get('F1')?.netW).toBe(1);
  });

  it('summarises like the server: power, EVSE status names, import/export, questionable', () => {
    const s = applyLiveMessage(EMPTY_LIVE, message({ online: [{ chargePointId: 'VC-0001', online: true }], samples: [sample({ value: -7_000, validity: 2 }), sample({ evseNo: 1, measurand: 'evseStatus', value: 10 })] }));
    const summary = summaryOfLive(s.chargePoints.get('VC-0001'), null);
    expect(summary).toMatchObject({ online: true, activePowerW: -7_000, questionable: true, importW: 0, exportW: 7_000, evses: [{ evseNo: 1, status: 'Discharging', questionable: false }] });
    const listed: Array<{ id: string; live: LiveSummary }> = [{ id: 'VC-0001', live: null }, { id: 'X', live: null }];
    const rows = withLive(listed, s.chargePoints);
    expect(rows[0]?.live?.activePowerW).toBe(-7_000);
    expect(rows[1]?.live).toBeNull();
  });

  it('unwraps tracked envelopes', () => {
    const m = message({ seq: 4 });
    expect(unwrapTracked({ id: '4', data: m })).toBe(m);
    expect(unwrapTracked(m)).toBe(m);
  });
});

describe('quality in words', () => {
  const v = { value: 1, deviceTimeMs: 0, receivedAtMs: 0, validity: 0, qualityFlags: 0, late: false };
  it('names invalid, questionable (with the flags), old, test and late', () => {
    const invalid = qualityOf({ ...v, validity: 1, qualityFlags: 16 }, 'activePowerW', { online: true, nowMs: 0 });
    expect(invalid.level).toBe('invalid');
    expect(invalid.reason).toContain('failure');
    expect(qualityOf({ ...v, validity: 2, qualityFlags: 2048 }, 'activePowerW', { online: true, nowMs: 0 }).reason).toContain('link to the device was lost');
    expect(qualityOf(v, 'activePowerW', { online: true, nowMs: 30_000 })).toMatchObject({ level: 'stale', reason: 'Old: nothing new for 30 s' });
    expect(qualityOf(v, 'activePowerW', { online: false, nowMs: 0 }).level).toBe('stale');
    expect(qualityOf({ ...v, qualityFlags: 512, late: true }, 'activePowerW', { online: true, nowMs: 0 })).toMatchObject({ level: 'good', test: true, late: true });
  });
  it('treats setpoints and status as event-driven (never old while online)', () => {
    expect(staleAfterMs('importLimitW')).toBeNull();
    expect(staleAfterMs('evseStatus')).toBeNull();
    expect(staleAfterMs('energyImportWh')).toBe(90_000);
    expect(staleAfterMs('currentL2A')).toBe(10_000);
    expect(qualityOf(v, 'cpoLimitW', { online: true, nowMs: 3_600_000 }).level).toBe('good');
  });
});

describe('EVSE rows', () => {
  it('adds EVSEs the device reports that are not on record', async () => {
    const { evseRows } = await import('../src/pages/charge-points/evse-live-table.js');
    const s = applyLiveMessage(EMPTY_LIVE, message({ samples: [sample({ evseNo: 2, measurand: 'evseStatus', value: 1 }), sample({})] }));
    const onRecord = [{ evseNo: 1, connectorType: 'type2', maxPowerW: 11_000, v2gCapable: false }];
    expect(evseRows(onRecord as Parameters<typeof evseRows>[0], s.chargePoints.get('VC-0001'))).toEqual([onRecord[0], { evseNo: 2 }]);
  });
});
