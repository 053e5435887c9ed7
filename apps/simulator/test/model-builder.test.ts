// The profile v1 model: LN names, optional functions, proxy LDs, data sets and RCBs.
import { AcsiServer } from '@dso/iec61850';
import { describe, expect, it } from 'vitest';
import { accessPointModel, chargePointLogicalDevice, generateFleet, scenarioFleet } from '../src/index.js';

const [capable, basic, gateway] = scenarioFleet().accessPoints;

describe('profile v1 model builder', () => {
  it('a capable public charge point has every LN of the profile', () => {
    const cp = capable?.chargePoints[0];
    if (!cp) throw new Error('fixture');
    const names = chargePointLogicalDevice(cp).logicalNodes.map((ln) => ln.name);
    expect(names).toEqual(['LLN0', 'LPHD1', 'DPCC1', 'DWMX1', 'DWMX2', 'MMXU1', 'MMTR1', 'DESE1', 'EVSE1MMXU1', 'EVSE1MMTR1', 'DESE2', 'EVSE2MMXU1', 'EVSE2MMTR1', 'DAGC1', 'DFPF1', 'DVAR1', 'DFWC1']);
  });

  it('leaves out DAGC1, DFPF1/DVAR1 and DFWC1 when the device cannot do them', () => {
    const cp = basic?.chargePoints[0];
    if (!cp) throw new Error('fixture');
    const names = chargePointLogicalDevice(cp).logicalNodes.map((ln) => ln.name);
    for (const n of ['DAGC1', 'DFPF1', 'DVAR1', 'DFWC1']) expect(names).not.toContain(n);
  });

  it('builds an IED the protocol library accepts, with the control models and ranges of the profile', () => {
    if (!capable) throw new Error('fixture');
    const server = new AcsiServer({ model: accessPointModel(capable) });
    const v = (ref: string): unknown => Object.values(server.valueOf(ref) ?? {})[0];
    expect(v('VC-0001/DWMX1.WMaxSpt.ctlModel')).toBe(1); // direct-with-normal-security
    expect(v('VC-0001/DAGC1.WSpt.ctlModel')).toBe(4); // sbo-with-enhanced-security
    expect(v('VC-0001/DWMX2.WMaxSpt.ctlModel')).toBe(0); // status-only
    expect(v('VC-0001/DWMX1.SptReas.ctlModel')).toBe(0);
    expect(v('VC-0001/DAGC1.WSpt.minVal.f')).toBe(-22_000);
    expect(v('VC-0001/DAGC1.WSpt.maxVal.f')).toBe(22_000);
    expect(v('VC-0001/DPCC1.WExpRtg.setMag.f')).toBe(22_000);
    expect(v('VC-0001/LPHD1.Proxy.stVal')).toBe(false);
    const rcbs = server.model.allReportControls().map((r) => r.ref).sort();
    expect(rcbs).toEqual(['VC-0001/LLN0.brcbEnergy', 'VC-0001/LLN0.brcbStatus', 'VC-0001/LLN0.urcbMeasurements', 'VC-0001/LLN0.urcbSetpoints']);
    server.close();
  });

  it('a CPO gateway serves one proxy LD per residential charge point', () => {
    if (!gateway) throw new Error('fixture');
    const server = new AcsiServer({ model: accessPointModel(gateway) });
    expect([...server.model.logicalDevices.keys()]).toEqual(['HW-0001', 'HW-0002']);
    expect(Object.values(server.valueOf('HW-0002/LPHD1.Proxy.stVal') ?? {})[0]).toBe(true);
    server.close();
  });

  it('every generated charge point builds (any size, any capability mix)', () => {
    const fleet = generateFleet({ public: 30, residential: 30, seed: 11 });
    for (const ap of fleet.accessPoints) new AcsiServer({ model: accessPointModel(ap) }).close();
    expect(fleet.accessPoints).toHaveLength(31);
  });
});
