import { afterEach, describe, expect, it } from 'vitest';
import type { AcsiClient, ClientReport } from '../../src/client/index.js';
import { bigIntFromEntryId, quality } from '../../src/pdu/index.js';
import { chargePointModel } from '../../examples/charge-point-model.js';
import { sleep, startPair, waitFor } from './helpers.js';
import type { Pair } from './helpers.js';

let pair: Pair | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

function collect(client: AcsiClient): ClientReport[] {
  const reports: ClientReport[] = [];
  client.onReport((r) => reports.push(r));
  return reports;
}

const chaSt = (r: ClientReport): number | undefined => {
  const e = r.entries.find((x) => x.dataRef === 'CP0001/DESE1.ChaSt.stVal');
  return e?.value && 'enumerated' in e.value ? e.value.enumerated : undefined;
};

describe('URCB reporting', () => {
  it('GI then dchg; entries per data attribute with reason codes', async () => {
    pair = await startPair();
    const reports = collect(pair.client);
    const enabled = await pair.client.setURCBValues({ urcbRef: 'CP0001/LLN0.urcbSetpoints', rptEna: true, gi: true });
    expect(enabled.ok).toBe(true);
    await waitFor(() => reports.length === 1, 2000, 'GI report');
    const gi = reports[0];
    expect(gi?.rptID).toBe('CP0001/LLN0.urcbSetpoints');
    expect(gi?.dataSet).toBe('CP0001/LLN0.Setpoints');
    expect(gi?.confRev).toBe(1);
    expect(gi?.entries.map((e) => e.dataRef)).toContain('CP0001/DWMX1.WMaxSpt.mxVal.f');
    expect(gi?.entries.every((e) => e.reason.generalInterrogation)).toBe(true);
    pair.server.update('CP0001/DWMX1.WMaxSpt', 11000);
    await waitFor(() => reports.length === 2, 2000, 'dchg report');
    const dchg = reports[1];
    expect(dchg?.entries.map((e) => e.dataRef)).toEqual(['CP0001/DWMX1.WMaxSpt.mxVal.f', 'CP0001/DWMX1.WMaxSpt.q', 'CP0001/DWMX1.WMaxSpt.t']);
    expect(dchg?.entries[0]?.value).toEqual({ float32: 11000 });
    expect(dchg?.entries[0]?.reason).toMatchObject({ dataChange: true, generalInterrogation: false });
    expect(dchg?.sqNum).toBe((gi?.sqNum ?? 0) + 1);
    pair.server.update('CP0001/DWMX1.WMaxSpt', 11000);
    pair.server.update('CP0001/DWMX1.WMaxSpt', 11000, quality({ validity: 'questionable' }));
    await sleep(50);
    expect(reports.length).toBe(2); // no dupd / qchg trigger configured
  });

  it('time stamps come from the device clock', async () => {
    pair = await startPair({ now: () => Date.UTC(2030, 0, 1) });
    const reports = collect(pair.client);
    await pair.client.setURCBValues({ urcbRef: 'CP0001/LLN0.urcbSetpoints', rptEna: true });
    pair.server.update('CP0001/DWMX1.WMaxSpt', 1234);
    await waitFor(() => reports.length === 1);
    const expected = Date.UTC(2030, 0, 1) / 1000;
    expect(reports[0]?.timeOfEntry?.secondSinceEpoch).toBe(expected);
    expect(reports[0]?.entries.find((e) => e.dataRef.endsWith('.t'))?.value).toMatchObject({ timeStamp: { secondSinceEpoch: expected } });
  });

  it('integrity period and qchg', async () => {
    pair = await startPair();
    const reports = collect(pair.client);
    const ok = await pair.client.setURCBValues({
      urcbRef: 'CP0001/LLN0.urcbMeasurements',
      intgPd: 40,
      trgOp: { dchg: true, qchg: true, dupd: false, integrity: true, gi: true },
      rptEna: true,
    });
    expect(ok.ok).toBe(true);
    await waitFor(() => reports.filter((r) => r.entries[0]?.reason.integrity).length >= 3, 2000, 'integrity reports');
    const integrity = reports.find((r) => r.entries[0]?.reason.integrity);
    expect(integrity?.entries.length).toBeGreaterThan(20);
    pair.server.update('CP0001/MMXU1.Hz', 50, quality({ validity: 'invalid' }));
    await waitFor(() => reports.some((r) => r.entries.some((e) => e.reason.qualityChange)), 2000, 'qchg');
    const byQ = reports.find((r) => r.entries.some((e) => e.reason.qualityChange));
    expect(byQ?.entries.find((e) => e.dataRef === 'CP0001/MMXU1.Hz.q')?.value).toMatchObject({ quality: { validity: 'invalid' } });
    await pair.client.setURCBValues({ urcbRef: 'CP0001/LLN0.urcbMeasurements', rptEna: false });
    await sleep(20);
    const count = reports.length;
    await sleep(120);
    expect(reports.length).toBe(count);
  });

  it('BufTm coalesces changes of different members into one report', async () => {
    pair = await startPair();
    const reports = collect(pair.client);
    await pair.client.setURCBValues({ urcbRef: 'CP0001/LLN0.urcbMeasurements', bufTm: 60, intgPd: 0, rptEna: true });
    pair.server.update('CP0001/MMXU1.TotW', 1000);
    pair.server.update('CP0001/MMXU1.Hz', 50.1);
    pair.server.update('CP0001/EVSE1MMXU1.TotW', 500);
    await waitFor(() => reports.length >= 1, 2000, 'coalesced report');
    await sleep(80);
    expect(reports.length).toBe(1);
    expect(reports[0]?.entries.filter((e) => e.reason.dataChange).map((e) => e.dataRef)).toEqual(
      expect.arrayContaining(['CP0001/MMXU1.TotW.mag.f', 'CP0001/MMXU1.Hz.mag.f', 'CP0001/EVSE1MMXU1.TotW.mag.f']),
    );
  });

  it('only the enabling client gets reports; others are locked out', async () => {
    pair = await startPair();
    const first = collect(pair.client);
    await pair.client.setURCBValues({ urcbRef: 'CP0001/LLN0.urcbSetpoints', rptEna: true });
    const other = await pair.reconnect();
    const second = collect(other);
    const locked = await other.setURCBValues({ urcbRef: 'CP0001/LLN0.urcbSetpoints', rptEna: true });
    expect(locked).toEqual({ ok: false, error: { kind: 'serviceError', serviceError: 'instanceLockedByOtherClient' } });
    pair.server.update('CP0001/DWMX1.WMaxSpt', 5000);
    await waitFor(() => first.length === 1);
    await sleep(30);
    expect(second.length).toBe(0);
    expect(other.reportStream.stats.received).toBe(0);
    await pair.client.release();
    const free = await other.setURCBValues({ urcbRef: 'CP0001/LLN0.urcbSetpoints', rptEna: true });
    expect(free.ok).toBe(true);
  });

  it('configuration writes are refused while enabled; rptEna=false with them is fine', async () => {
    pair = await startPair();
    await pair.client.setURCBValues({ urcbRef: 'CP0001/LLN0.urcbSetpoints', rptEna: true });
    expect(await pair.client.setURCBValues({ urcbRef: 'CP0001/LLN0.urcbSetpoints', intgPd: 5 })).toEqual({
      ok: false,
      error: { kind: 'serviceError', serviceError: 'accessNotAllowedInCurrentState' },
    });
    const image = await pair.client.getURCBValues('CP0001/LLN0.urcbSetpoints');
    expect(image.ok && image.value.rptEna).toBe(true);
    expect((await pair.client.setURCBValues({ urcbRef: 'CP0001/LLN0.urcbSetpoints', rptEna: false, intgPd: 5 })).ok).toBe(true);
  });
});

describe('BRCB reporting', () => {
  it('buffers while disabled and after a disconnect; resumes after the written EntryID without loss or duplicates', async () => {
    pair = await startPair();
    const { server } = pair;
    // ChaSt starts at 1; values 11.. are all changes
    for (let v = 11; v <= 15; v++) server.update('CP0001/DESE1.ChaSt', v); // buffered before anyone enabled it
    let client = pair.client;
    let reports = collect(client);
    expect((await client.setBRCBValues({ brcbRef: 'CP0001/LLN0.brcbStatus', entryID: new Uint8Array(8), rptEna: true })).ok).toBe(true);
    await waitFor(() => reports.length === 5, 2000, 'backlog');
    server.update('CP0001/DESE1.ChaSt', 16);
    server.update('CP0001/DESE1.ChaSt', 17);
    await waitFor(() => reports.length === 7, 2000, 'live reports');
    const received = reports.map(chaSt);
    expect(received).toEqual([11, 12, 13, 14, 15, 16, 17]);
    // The client committed up to ChaSt = 6 only (crash before committing 7), then the link drops.
    const committed = reports[5]?.entryID;
    expect(committed?.length).toBe(8);
    client.association.abort('link lost');
    await waitFor(() => server.associations.length === 0);
    for (let v = 18; v <= 20; v++) server.update('CP0001/DESE1.ChaSt', v);
    client = await pair.reconnect();
    reports = collect(client);
    const resumed = await client.setBRCBValues({ brcbRef: 'CP0001/LLN0.brcbStatus', entryID: committed ?? new Uint8Array(8), rptEna: true });
    expect(resumed.ok).toBe(true);
    await waitFor(() => reports.length === 4, 2000, 'resumed backlog');
    await sleep(30);
    expect(reports.map(chaSt)).toEqual([17, 18, 19, 20]);
    expect(reports.every((r) => !r.bufOvfl)).toBe(true);
    const ids = reports.map((r) => bigIntFromEntryId(r.entryID ?? new Uint8Array(8)));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('sets bufOvfl when entries were dropped from a full buffer', async () => {
    const model = chargePointModel('CP0001');
    const lln0 = model.logicalDevices[0]?.logicalNodes[0];
    const status = lln0?.reportControls?.find((r) => r.name === 'brcbStatus');
    if (status) status.bufferSize = 4;
    pair = await startPair({ model });
    for (let v = 1; v <= 10; v++) pair.server.update('CP0001/DESE1.ChaSt', v);
    const reports = collect(pair.client);
    await pair.client.setBRCBValues({ brcbRef: 'CP0001/LLN0.brcbStatus', entryID: new Uint8Array(8), rptEna: true });
    await waitFor(() => reports.length === 4, 2000, 'surviving entries');
    expect(reports.map(chaSt)).toEqual([7, 8, 9, 10]);
    expect(reports.map((r) => r.bufOvfl)).toEqual([true, false, false, false]);
  });

  it('an EntryID older than the buffer resumes from the oldest with bufOvfl; a never-issued one is refused', async () => {
    const model = chargePointModel('CP0001');
    const status = model.logicalDevices[0]?.logicalNodes[0]?.reportControls?.find((r) => r.name === 'brcbStatus');
    if (status) status.bufferSize = 3;
    pair = await startPair({ model });
    for (let v = 1; v <= 8; v++) pair.server.update('CP0001/DESE1.ChaSt', v);
    const old = new Uint8Array(8);
    old[7] = 2;
    const reports = collect(pair.client);
    const future = new Uint8Array(8).fill(0x7f);
    expect(await pair.client.setBRCBValues({ brcbRef: 'CP0001/LLN0.brcbStatus', entryID: future })).toEqual({
      ok: false,
      error: { kind: 'serviceError', serviceError: 'parameterValueInconsistent' },
    });
    await pair.client.setBRCBValues({ brcbRef: 'CP0001/LLN0.brcbStatus', entryID: old, rptEna: true });
    await waitFor(() => reports.length === 3, 2000, 'resume');
    expect(reports[0]?.bufOvfl).toBe(true);
    expect(reports.map(chaSt)).toEqual([6, 7, 8]);
  });

  it('purgeBuf empties the buffer; GI still reports the current values', async () => {
    pair = await startPair();
    for (let v = 11; v <= 14; v++) pair.server.update('CP0001/DESE1.ChaSt', v);
    const reports = collect(pair.client);
    expect((await pair.client.setBRCBValues({ brcbRef: 'CP0001/LLN0.brcbStatus', purgeBuf: true })).ok).toBe(true);
    await pair.client.setBRCBValues({ brcbRef: 'CP0001/LLN0.brcbStatus', rptEna: true, gi: true });
    await waitFor(() => reports.length === 1, 2000, 'GI');
    await sleep(30);
    expect(reports.length).toBe(1);
    expect(reports[0]?.entries.every((e) => e.reason.generalInterrogation)).toBe(true);
    expect(chaSt(reports[0] as ClientReport)).toBe(14);
    const image = await pair.client.getBRCBValues('CP0001/LLN0.brcbStatus');
    expect(image.ok && bigIntFromEntryId(image.value.entryID)).toBe(5n);
  });

  it('integrity of a buffered RCB, reported with EntryIDs', async () => {
    pair = await startPair();
    const reports = collect(pair.client);
    await pair.client.setBRCBValues({ brcbRef: 'CP0001/LLN0.brcbEnergy', intgPd: 40 });
    await sleep(130);
    await pair.client.setBRCBValues({ brcbRef: 'CP0001/LLN0.brcbEnergy', rptEna: true });
    await waitFor(() => reports.length >= 4, 2000, 'integrity reports');
    expect(reports.every((r) => r.entries.every((e) => e.reason.integrity))).toBe(true);
    expect(reports[0]?.entries.map((e) => e.dataRef)).toContain('CP0001/MMTR1.DmdWh.actVal');
    expect(new Set(reports.map((r) => r.entryID?.join(','))).size).toBe(reports.length);
  });
});
