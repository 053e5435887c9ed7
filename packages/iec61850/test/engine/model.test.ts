import { describe, expect, it } from 'vitest';
import { CDC, IedModel, ModelError } from '../../src/server/index.js';
import type { ModelJson } from '../../src/server/index.js';
import { ReportBuffer } from '../../src/server/reports/report-buffer.js';
import { bigIntFromEntryId, entryIdFromBigInt, timeStampFromDate } from '../../src/pdu/index.js';
import { chargePointModel } from '../../examples/charge-point-model.js';
import { sleep, startPair } from './helpers.js';

const one = (dataObjects: ModelJson['logicalDevices'][number]['logicalNodes'][number]['dataObjects']): ModelJson => ({
  logicalDevices: [{ name: 'LD1', logicalNodes: [{ name: 'GGIO1', dataObjects }] }],
});

describe('model building', () => {
  it('builds the DOMAIN.md §3 profile with the CDC attributes and FCs', () => {
    const model = new IedModel(chargePointModel('CP0001'));
    const leaf = (ref: string) => {
      const node = model.find(ref);
      return node && 'kind' in node && node.kind === 'leaf' ? { fc: node.fc, value: node.value } : undefined;
    };
    expect(leaf('CP0001/MMXU1.TotW.mag.f')).toEqual({ fc: 'mx', value: { float32: 0 } });
    expect(leaf('CP0001/MMXU1.TotW.units.SIUnit')).toEqual({ fc: 'cf', value: { enumerated: 62 } });
    expect(leaf('CP0001/MMXU1.PhV.phsB.cVal.mag.f')?.fc).toBe('mx');
    expect(leaf('CP0001/DWMX1.WMaxSpt.ctlModel')).toEqual({ fc: 'cf', value: { enumerated: 1 } });
    expect(leaf('CP0001/DWMX1.WMaxSpt.Oper.ctlNum')?.fc).toBe('co');
    expect(leaf('CP0001/DWMX1.WMaxSpt.Oper.origin.orCat')?.fc).toBe('co');
    expect(leaf('CP0001/DWMX1.WMaxSpt.minVal.f')).toEqual({ fc: 'cf', value: { float32: 0 } });
    expect(leaf('CP0001/MMTR1.DmdWh.actVal')).toEqual({ fc: 'st', value: { int64: 0 } });
    expect(leaf('CP0001/DPCC1.WRtg.setMag.f')).toEqual({ fc: 'sp', value: { float32: 22000 } });
    expect(leaf('CP0001/DWMX1.WMaxFto.setVal')).toEqual({ fc: 'sp', value: { int32: 300 } });
    expect(leaf('CP0001/LPHD1.PhyNam.vendor')).toEqual({ fc: 'dc', value: { visString255: 'Grid Console' } });
    expect(leaf('CP0001/LLN0.NamPlt.ldNs')?.fc).toBe('ex');
    expect(leaf('CP0001/DESE1.EvConn.stVal')).toEqual({ fc: 'st', value: { boolean: false } });
    expect(leaf('CP0001/LPHD1.Proxy.q')?.fc).toBe('st');
    expect(model.dataSet('CP0001/LLN0.Status')?.members).toContainEqual({ ref: 'CP0001/DESE1.ChaSt', fc: 'st' });
    expect(model.reportControl('CP0001/LLN0.brcbEnergy')).toMatchObject({ buffered: true, intgPd: 60_000, dataSet: 'CP0001/LLN0.Energy' });
    expect(Object.keys(CDC)).toEqual(expect.arrayContaining(['SPS', 'INS', 'ENS', 'ENC', 'MV', 'CMV', 'WYE', 'BCR', 'APC', 'ASG', 'ING', 'INC', 'SPC', 'DPL', 'LPL']));
  });

  it('device profiles without V2G or reactive control leave those LNs out', () => {
    const model = new IedModel(chargePointModel('CP0002', { v2g: false, reactive: false, freqResponse: false, evseCount: 1 }));
    expect(model.find('CP0002/DAGC1')).toBeUndefined();
    expect(model.find('CP0002/DFWC1')).toBeUndefined();
    expect(model.dataSet('CP0002/LLN0.Status')?.members.map((m) => m.ref)).not.toContain('CP0002/DFWC1.FctOpSt');
    expect(model.find('CP0002/DFPF1')).toBeUndefined();
    expect(model.find('CP0002/DESE1.ChaSt')).toBeDefined();
    expect(model.find('CP0002/DESE2')).toBeUndefined();
  });

  it('reports mistakes with the JSON path', () => {
    const fails = (json: ModelJson) => {
      try {
        new IedModel(json);
      } catch (error) {
        return error instanceof ModelError ? error.path : 'not a ModelError';
      }
      return 'no error';
    };
    expect(fails(one([{ name: 'X', cdc: 'NOPE' }]))).toBe('$.logicalDevices[0].logicalNodes[0].dataObjects[0]');
    expect(fails(one([{ name: 'X', cdc: 'SPS', value: 3 }]))).toBe('$.logicalDevices[0].logicalNodes[0].dataObjects[0].value');
    expect(fails(one([{ name: 'X', cdc: 'APC', ctlModel: 'maybe' }]))).toBe('$.logicalDevices[0].logicalNodes[0].dataObjects[0].ctlModel');
    expect(fails(one([{ name: 'X', cdc: 'MV', unit: 'furlong' }]))).toBe('$.logicalDevices[0].logicalNodes[0].dataObjects[0].unit');
    expect(fails(one([{ name: 'X', cdc: 'DPL', values: { nope: 'x' } }]))).toBe('$.logicalDevices[0].logicalNodes[0].dataObjects[0].values.nope');
    expect(fails(one([{ name: 'X', cdc: 'INS', value: 2 ** 40 }]))).toBe('$.logicalDevices[0].logicalNodes[0].dataObjects[0].value');
    expect(fails({ logicalDevices: [{ name: 'bad/name', logicalNodes: [] }] })).toBe('$.logicalDevices[0].name');
  });
});

describe('BRCB buffer', () => {
  const t = timeStampFromDate(0);
  it('numbers entries, drops the oldest when full and flags the loss once', () => {
    const buffer = new ReportBuffer(3);
    for (let i = 0; i < 5; i++) buffer.push(t, []);
    const first = buffer.next();
    expect(first && bigIntFromEntryId(first.entry.entryID)).toBe(3n);
    expect(first?.bufOvfl).toBe(true);
    if (first) buffer.markDelivered(first.entry);
    expect(buffer.next()?.bufOvfl).toBe(false);
    expect(buffer.resumeAfter(entryIdFromBigInt(4n))).toBe(true);
    expect(buffer.next() && bigIntFromEntryId(buffer.next()?.entry.entryID ?? new Uint8Array(8))).toBe(5n);
    expect(buffer.resumeAfter(entryIdFromBigInt(9n))).toBe(false);
    buffer.purge();
    expect(buffer.next()).toBeUndefined();
    expect(bigIntFromEntryId(buffer.lastDelivered)).toBe(5n);
  });
});

describe('resources', () => {
  it('leaves no timers behind after reports, integrity, selections and close', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const pair = await startPair();
    await pair.client.setURCBValues({ urcbRef: 'CP0001/LLN0.urcbMeasurements', intgPd: 20, bufTm: 50, rptEna: true });
    await pair.client.setBRCBValues({ brcbRef: 'CP0001/LLN0.brcbEnergy', intgPd: 20, rptEna: true });
    pair.server.update('CP0001/MMXU1.TotW', 1);
    await pair.client.selectWithValue('CP0001/DAGC1.WSpt', { float32: 10 });
    void pair.client.getDataValues('CP0001/MMXU1.TotW', 'mx');
    await sleep(60);
    await pair.client.release();
    await pair.close();
    await sleep(1_100); // the close grace timer of an orderly WebSocket close
    expect(timers()).toBeLessThanOrEqual(before);
  });
});
