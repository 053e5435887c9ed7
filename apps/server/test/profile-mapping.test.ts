// The profile table and the report mapper as pure functions: references, EVSE prefixes, WYE
// phases, quality and time handling, and what counts as a problem.
import { describe, expect, it } from 'vitest';
import { quality, timeStampFromDate, type ClientReport, type Data } from '@dso/iec61850';
import { parseDataRef, resolveObject } from '../src/ingest/profile.js';
import { mapReport, type MapContext } from '../src/ingest/report-mapper.js';
import { QF, TQ, VALIDITY } from '../src/ingest/quality.js';

const reason = { dataChange: true, qualityChange: false, dataUpdate: false, integrity: false, generalInterrogation: false, applicationTrigger: false };
const entry = (dataRef: string, value: Data) => ({ dataRef, value, values: [{ data: value }], reason });
const report = (entries: ClientReport['entries']): ClientReport => ({ rcbRef: 'CP1/LLN0.urcbMeasurements', rptID: 'x', subSqNum: 0, moreSegmentsFollow: false, bufOvfl: false, entries });
const now = Date.UTC(2026, 10, 25, 12);
const ctx: MapContext = { chargePointOf: (ld) => (ld === 'CP1' ? 'CP-ONE' : undefined), receivedAtMs: now, backFilled: false, lateAfterMs: 10_000, maxFutureMs: 60_000 };

describe('profile table', () => {
  it.each([
    ['CP1/MMXU1.TotW.mag.f', { ld: 'CP1', object: 'MMXU1.TotW', attribute: 'value' }],
    ['CP1/MMXU1.PhV.phsB.cVal.mag.f', { ld: 'CP1', object: 'MMXU1.PhV.phsB', attribute: 'value' }],
    ['CP1/DESE2.ChaSt.q', { ld: 'CP1', object: 'DESE2.ChaSt', attribute: 'q' }],
    ['CP1/EVSE1MMTR1.DmdWh.actVal', { ld: 'CP1', object: 'EVSE1MMTR1.DmdWh', attribute: 'value' }],
    ['CP1/DWMX1.WMaxSet.setMag.f', { ld: 'CP1', object: 'DWMX1.WMaxSet', attribute: 'value' }],
    ['CP1/DWMX1.WMaxSpt.mxVal.f', { ld: 'CP1', object: 'DWMX1.WMaxSpt', attribute: 'value' }],
  ])('parses %s', (ref, expected) => expect(parseDataRef(ref)).toEqual(expected));

  it('recognises the phase angle of a WYE phase as well-formed but unused', () => {
    expect(parseDataRef('CP1/MMXU1.PhV.phsA.cVal.ang.f')).toEqual({ ld: 'CP1', object: 'MMXU1.PhV.phsA', attribute: 'unused' });
    const { samples, problems } = mapReport(
      report([entry('CP1/MMXU1.PhV.phsA.cVal.mag.f', { float32: 231.5 }), entry('CP1/MMXU1.PhV.phsA.cVal.ang.f', { float32: 120.0 })]),
      ctx,
    );
    expect(problems).toEqual([]);
    expect(samples.map((x) => [x.measurand, x.value])).toEqual([['voltageL1V', 231.5]]);
  });

  it('refuses references without an LD or a known attribute', () => {
    expect(parseDataRef('MMXU1.TotW.mag.f')).toBeUndefined();
    expect(parseDataRef('CP1/MMXU1.TotW.units')).toBeUndefined();
  });

  it('maps 61850 names to domain names, with the EVSE number from the LN prefix', () => {
    expect(resolveObject('MMXU1.TotW')).toMatchObject({ entry: { measurand: 'activePowerW', kind: 'measurement' }, evseNo: 0 });
    expect(resolveObject('EVSE2MMTR1.SupWh')).toMatchObject({ entry: { measurand: 'energyExportWh' }, evseNo: 2 });
    expect(resolveObject('DESE3.ChaSt')).toMatchObject({ entry: { measurand: 'evseStatus', kind: 'status' }, evseNo: 3 });
    expect(resolveObject('DWMX1.SptReas')?.entry.measurand).toBe('limitSource');
    expect(resolveObject('DWMX2.WMaxSpt')?.entry.measurand).toBe('cpoLimitW');
    expect(resolveObject('MMXU1.A.phsC')?.entry.measurand).toBe('currentL3A');
    expect(resolveObject('XYZ1.Foo')).toBeUndefined();
  });
});

describe('report mapper', () => {
  it('groups value, q and t of a data object into one sample with device and receive time', () => {
    const t = timeStampFromDate(now - 500);
    const { samples, problems } = mapReport(
      report([entry('CP1/MMXU1.TotW.mag.f', { float32: -3_700 }), entry('CP1/MMXU1.TotW.q', { quality: quality() }), entry('CP1/MMXU1.TotW.t', { timeStamp: t })]),
      ctx,
    );
    expect(problems).toEqual([]);
    expect(samples).toEqual([
      expect.objectContaining({ chargePointId: 'CP-ONE', evseNo: 0, measurand: 'activePowerW', value: -3_700, receivedAtMs: now, validity: VALIDITY.good, late: 0 }),
    ]);
    expect(Math.abs((samples[0]?.deviceTimeMs ?? 0) - (now - 500))).toBeLessThan(2);
  });

  it('keeps quality flags and clock flags; booleans and enums become numbers', () => {
    const t = timeStampFromDate(now - 20_000, { clockNotSynchronized: true });
    const { samples } = mapReport(
      report([
        entry('CP1/DESE1.EvConn.stVal', { boolean: true }),
        entry('CP1/DESE1.EvConn.q', { quality: quality({ validity: 'questionable', detailQual: { overflow: false, outOfRange: false, badReference: false, oscillatory: false, failure: false, oldData: true, inconsistent: false, inaccurate: false } }) }),
        entry('CP1/DESE1.EvConn.t', { timeStamp: t }),
        entry('CP1/DESE1.ChaSt.stVal', { enumerated: 3 }),
      ]),
      ctx,
    );
    expect(samples[0]).toMatchObject({ measurand: 'evConnected', evseNo: 1, value: 1, validity: VALIDITY.questionable, qualityFlags: QF.oldData, timeQuality: TQ.clockNotSynchronized, late: 1 });
    expect(samples[1]).toMatchObject({ measurand: 'evseStatus', value: 3, timeQuality: TQ.serverTime }); // no t: receive time, flagged
  });

  it('reports problems instead of throwing: unknown LD, object outside the profile, non-numeric value, future time', () => {
    const { samples, problems } = mapReport(
      report([
        entry('CP9/MMXU1.TotW.mag.f', { float32: 1 }),
        entry('CP1/GGIO1.Ind1.stVal', { boolean: true }),
        entry('CP1/MMXU1.Hz.mag.f', { visString255: 'fifty' }),
        entry('CP1/MMXU1.TotVAr.mag.f', { float32: 10 }),
        entry('CP1/MMXU1.TotVAr.t', { timeStamp: timeStampFromDate(now + 3_600_000) }),
        entry('garbage', { float32: 1 }),
      ]),
      ctx,
    );
    expect(problems.map((p) => p.kind).sort()).toEqual(['badReference', 'badValue', 'futureTimestamp', 'notInProfile', 'unknownLogicalDevice']);
    expect(samples).toEqual([expect.objectContaining({ measurand: 'reactivePowerVar', deviceTimeMs: now, timeQuality: TQ.serverTime })]);
  });

  it('applies a units multiplier and marks back-filled entries late', () => {
    const { samples } = mapReport(report([entry('CP1/MMTR1.DmdWh.actVal', { int64: 12n })]), { ...ctx, backFilled: true, multiplierOf: (_ld, o) => (o === 'MMTR1.DmdWh' ? 3 : undefined) });
    expect(samples[0]).toMatchObject({ measurand: 'energyImportWh', value: 12_000, late: 1 });
  });
});
