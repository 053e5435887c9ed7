import { afterEach, describe, expect, it } from 'vitest';
import { AcsiClient } from '../../src/client/index.js';
import { AcsiServer } from '../../src/server/index.js';
import { connect } from '../../src/transport/websocket.js';
import { chargePointModel } from '../../examples/charge-point-model.js';
import { startEndpoint, startPair } from './helpers.js';
import type { Pair, TestEndpoint } from './helpers.js';

let pair: Pair | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

describe('discovery (reverse mode over a real WebSocket)', () => {
  it('walks server → LD → LN → DO / data sets / RCBs', async () => {
    pair = await startPair();
    const { client } = pair;
    expect(await client.getServerDirectory()).toEqual({ ok: true, value: ['CP0001'] });
    const lns = await client.getLogicalDeviceDirectory('CP0001');
    expect(lns.ok && lns.value).toEqual(expect.arrayContaining(['LLN0', 'LPHD1', 'DPCC1', 'DWMX1', 'DWMX2', 'DAGC1', 'DFPF1', 'DVAR1', 'DFWC1', 'MMXU1', 'MMTR1', 'DESE1', 'DESE2']));
    expect(await client.getLogicalNodeDirectory('CP0001/MMXU1', 'dataObject')).toEqual({ ok: true, value: ['TotW', 'TotVAr', 'TotPF', 'Hz', 'PhV', 'A'] });
    expect(await client.getLogicalNodeDirectory('CP0001/LLN0', 'dataset')).toEqual({ ok: true, value: ['Setpoints', 'Measurements', 'Status', 'Energy'] });
    expect(await client.getLogicalNodeDirectory('CP0001/LLN0', 'urcb')).toEqual({ ok: true, value: ['urcbSetpoints', 'urcbMeasurements'] });
    expect(await client.getLogicalNodeDirectory('CP0001/LLN0', 'brcb')).toEqual({ ok: true, value: ['brcbStatus', 'brcbEnergy'] });
    const ds = await client.getDataSetDirectory('CP0001/LLN0.Energy');
    expect(ds.ok && ds.value[0]).toEqual({ ref: 'CP0001/MMTR1.DmdWh', fc: 'st' });
    expect(await client.getLogicalNodeDirectory('CP0001/NOPE1', 'dataObject')).toEqual({ ok: false, error: { kind: 'serviceError', serviceError: 'instanceNotAvailable' } });
  });

  it('accepts full LN refs from a server that sends them', async () => {
    pair = await startPair({ lnRefStyle: 'full' });
    const lns = await pair.client.getLogicalDeviceDirectory('CP0001');
    expect(lns.ok && lns.value[0]).toBe('LLN0');
  });

  it('getDataDefinition gives the CDC with DAs, FCs and types', async () => {
    pair = await startPair();
    const def = await pair.client.getDataDefinition('CP0001/DWMX1.WMaxSpt');
    expect(def.ok).toBe(true);
    if (!def.ok) return;
    expect(def.value.cdc).toBe('APC');
    const das = def.value.dataAttributeDefinition ?? [];
    expect(das.find((d) => d.daRef === 'mxVal')).toEqual({ daRef: 'mxVal', fc: 'mx', daType: { structure: [{ cmpName: 'f', cmpType: { float32: null } }] } });
    expect(das.find((d) => d.daRef === 'ctlModel')).toMatchObject({ fc: 'cf', daType: { enumerated: null } });
    expect(das.find((d) => d.daRef === 'Oper')?.fc).toBe('co');
    const wye = await pair.client.getDataDefinition('CP0001/MMXU1.PhV');
    expect(wye.ok && wye.value.subDataDefinition?.map((s) => s.name)).toEqual(['phsA', 'phsB', 'phsC']);
  });
});

describe('data services', () => {
  it('reads leaves, FC-filtered data objects and data sets', async () => {
    pair = await startPair();
    pair.server.update('CP0001/MMXU1.TotW', 7350.5);
    expect(await pair.client.getValue('CP0001/MMXU1.TotW.mag.f', 'mx')).toEqual({ ok: true, value: { float32: 7350.5 } });
    const dobj = await pair.client.getDataValues('CP0001/MMXU1.TotW', 'mx', { includeElementName: true });
    expect(dobj.ok && dobj.value.map((v) => v.name)).toEqual(['mag', 'q', 't']);
    expect(dobj.ok && dobj.value[0]?.data).toEqual({ structure: { name: 'mag', data: [{ float32: 7350.5 }] } });
    const units = await pair.client.getValue('CP0001/MMXU1.TotW.units.SIUnit', 'cf');
    expect(units).toEqual({ ok: true, value: { enumerated: 62 } });
    const ctlModel = await pair.client.getValue('CP0001/DAGC1.WSpt.ctlModel', 'cf');
    expect(ctlModel).toEqual({ ok: true, value: { enumerated: 4 } });
    const wrongFc = await pair.client.getValue('CP0001/MMXU1.TotW.mag.f', 'st');
    expect(wrongFc).toEqual({ ok: false, error: { kind: 'serviceError', serviceError: 'instanceNotAvailable' } });
    const ln = await pair.client.getDataValues('CP0001/MMXU1', 'mx', { includeElementName: true });
    expect(ln.ok && ln.value.map((v) => v.name)).toEqual(['TotW', 'TotVAr', 'TotPF', 'Hz', 'PhV', 'A']);
    const dir = await pair.client.association.call({ getDataDirectory: { dataRef: 'CP0001/MMXU1.PhV' } });
    expect(dir).toEqual({ ok: true, service: { getDataDirectory: { subDataObjectName: ['phsA', 'phsB', 'phsC'], dataAttrName: ['d'] } } });
    const ds = await pair.client.getDatasetValues('CP0001/LLN0.Energy');
    expect(ds.ok && ds.value.length).toBe(6);
    expect(ds.ok && ds.value[0]?.name).toBe('CP0001/MMTR1.DmdWh');
  });

  it('writes settings with type and range checks; FC co and ST are refused', async () => {
    pair = await startPair();
    const { client } = pair;
    expect(await client.setDataValues('CP0001/DWMX1.WMaxSet.setMag.f', 'sp', { float32: 11000 })).toEqual({ ok: true, value: undefined });
    expect(await client.getValue('CP0001/DWMX1.WMaxSet.setMag.f', 'sp')).toEqual({ ok: true, value: { float32: 11000 } });
    const structured = await client.setDataValues('CP0001/DWMX1.WMaxSet.setMag', 'sp', { structure: { data: [{ float32: 9000 }] } });
    expect(structured.ok).toBe(true);
    expect(pair.server.valueOf('CP0001/DWMX1.WMaxSet.setMag.f')).toEqual({ float32: 9000 });
    const serviceError = (e: string) => ({ ok: false, error: { kind: 'serviceError', serviceError: e } });
    expect(await client.setDataValues('CP0001/DWMX1.WMaxSet.setMag.f', 'sp', { float32: 99999 })).toEqual(serviceError('parameterValueInconsistent'));
    expect(await client.setDataValues('CP0001/DWMX1.WMaxSet.setMag.f', 'sp', { int32: 5 })).toEqual(serviceError('typeConflict'));
    expect(await client.setDataValues('CP0001/DWMX1.WMaxFto.setVal', 'sp', { int32: 600 })).toEqual({ ok: true, value: undefined });
    expect(await client.setDataValues('CP0001/DWMX1.WMaxSpt.Oper.ctlVal.f', 'co', { float32: 1 })).toEqual(serviceError('accessViolation'));
    expect(await client.setDataValues('CP0001/MMXU1.TotW.mag.f', 'mx', { float32: 1 })).toEqual(serviceError('accessViolation'));
    expect(await client.setDataValues('CP0001/NOPE1.X', 'sp', { float32: 1 })).toEqual(serviceError('instanceNotAvailable'));
    expect(pair.server.valueOf('CP0001/DWMX1.WMaxSet.setMag.f')).toEqual({ float32: 9000 });
  });
});

describe('direct mode', () => {
  let endpoint: TestEndpoint | undefined;
  afterEach(async () => {
    await endpoint?.close();
    endpoint = undefined;
  });

  it('the WS client is the ACSI client, the WS server serves the model', async () => {
    const server = new AcsiServer({ model: chargePointModel('CP0009') });
    endpoint = await startEndpoint({ onChannel: (channel) => server.attach(channel) });
    const client = AcsiClient.attach(await connect(endpoint.url('CP0009')));
    expect(await client.ready()).toBe(true);
    expect(await client.getServerDirectory()).toEqual({ ok: true, value: ['CP0009'] });
    server.update('CP0009/MMXU1.Hz', 49.95);
    expect(await client.getValue('CP0009/MMXU1.Hz.mag.f', 'mx')).toEqual({ ok: true, value: { float32: 49.95 } });
    await client.release();
    expect(server.associations.length).toBe(0);
    server.close();
  });
});
