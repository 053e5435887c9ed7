// The charge point profile v1 of DOMAIN.md §3 as a model JSON: one LD per charge point.
import type { DataObjectJson, LogicalNodeJson, ModelJson } from '../src/index.js';

const status = (name: string, cdc: string, value: number | boolean, extra: Partial<DataObjectJson> = {}): DataObjectJson => ({ name, cdc, value, ...extra });

export interface ChargePointOptions {
  evseCount?: number;
  v2g?: boolean;
  reactive?: boolean;
  ratedW?: number;
}

function evseNodes(n: number, v2g: boolean): LogicalNodeJson[] {
  return [
    { name: `DES${n}`, dataObjects: [status('ChaSt', 'ENS', 1), status('EvConn', 'SPS', false), status('V2gCap', 'SPS', v2g)] },
    { name: `EVSE${n}MMXU1`, dataObjects: [{ name: 'TotW', cdc: 'MV', unit: 'W', value: 0 }] },
    {
      name: `EVSE${n}MMTR1`,
      dataObjects: [
        { name: 'DmdWh', cdc: 'BCR', unit: 'Wh', value: 0 },
        { name: 'SupWh', cdc: 'BCR', unit: 'Wh', value: 0 },
      ],
    },
  ];
}

export function chargePointModel(ld = 'CP0001', options: ChargePointOptions = {}): ModelJson {
  const evses = Array.from({ length: options.evseCount ?? 2 }, (_v, i) => i + 1);
  const v2g = options.v2g ?? true;
  const reactive = options.reactive ?? true;
  const ratedW = options.ratedW ?? 22_000;
  const lns: LogicalNodeJson[] = [
    {
      name: 'LPHD1',
      dataObjects: [
        { name: 'PhyNam', cdc: 'DPL', values: { vendor: 'Grid Console', model: 'SimCP', serNum: ld, swRev: '1.0' } },
        status('PhyHealth', 'ENS', 1),
        status('Proxy', 'SPS', false),
      ],
    },
    {
      name: 'DPCC1',
      dataObjects: [
        { name: 'WRtg', cdc: 'ASG', unit: 'W', value: ratedW },
        { name: 'WExpRtg', cdc: 'ASG', unit: 'W', value: v2g ? ratedW : 0 },
        { name: 'VArRtg', cdc: 'ASG', unit: 'var', value: ratedW / 2 },
      ],
    },
    {
      name: 'DWMX1',
      dataObjects: [
        { name: 'WMaxSpt', cdc: 'APC', unit: 'W', value: ratedW, min: 0, max: ratedW, ctlModel: 'direct-with-normal-security' },
        { name: 'WMaxSet', cdc: 'ASG', unit: 'W', value: ratedW, min: 0, max: ratedW },
        { name: 'WMaxFto', cdc: 'ING', value: 300, min: 0, max: 86_400 },
        status('SptReas', 'INC', 4, { ctlModel: 'status-only' }),
      ],
    },
    { name: 'DWMX2', dataObjects: [{ name: 'WMaxSpt', cdc: 'APC', unit: 'W', value: ratedW, ctlModel: 'status-only' }] },
    {
      name: 'DFWC1',
      dataObjects: [
        status('Mod', 'ENC', 5, { min: 1, max: 5 }),
        { name: 'HzDb', cdc: 'ASG', unit: 'Hz', value: 0.2, min: 0, max: 1 },
        { name: 'Drp', cdc: 'ASG', unit: '%', value: 5, min: 0, max: 100 },
        status('FctOpSt', 'ENS', 1),
      ],
    },
    {
      name: 'MMXU1',
      dataObjects: [
        { name: 'TotW', cdc: 'MV', unit: 'W', value: 0 },
        { name: 'TotVAr', cdc: 'MV', unit: 'var', value: 0 },
        { name: 'TotPF', cdc: 'MV', value: 1 },
        { name: 'Hz', cdc: 'MV', unit: 'Hz', value: 50 },
        { name: 'PhV', cdc: 'WYE' },
        { name: 'A', cdc: 'WYE' },
      ],
    },
    {
      name: 'MMTR1',
      dataObjects: [
        { name: 'DmdWh', cdc: 'BCR', unit: 'Wh', value: 0 },
        { name: 'SupWh', cdc: 'BCR', unit: 'Wh', value: 0 },
      ],
    },
    ...evses.flatMap((n) => evseNodes(n, v2g)),
  ];
  if (v2g) {
    lns.push({
      name: 'DAGC1',
      dataObjects: [{ name: 'WSpt', cdc: 'APC', unit: 'W', value: 0, min: -ratedW, max: ratedW, ctlModel: 'sbo-with-enhanced-security', sboTimeoutMs: 30_000 }],
    });
  }
  if (reactive) {
    lns.push(
      { name: 'DFPF1', dataObjects: [{ name: 'PFTgtSpt', cdc: 'APC', value: 1, min: -1, max: 1 }, status('Mod', 'ENC', 5, { min: 1, max: 5 })] },
      { name: 'DVAR1', dataObjects: [{ name: 'VArTgtSpt', cdc: 'APC', unit: 'var', value: 0, min: -ratedW / 2, max: ratedW / 2 }, status('Mod', 'ENC', 5, { min: 1, max: 5 })] },
    );
  }
  const setpoints = [
    { ref: 'DWMX1.WMaxSpt', fc: 'MX' },
    { ref: 'DWMX2.WMaxSpt', fc: 'MX' },
    { ref: 'DWMX1.SptReas', fc: 'ST' },
    ...(v2g ? [{ ref: 'DAGC1.WSpt', fc: 'MX' }] : []),
    ...(reactive ? [{ ref: 'DFPF1.PFTgtSpt', fc: 'MX' }, { ref: 'DVAR1.VArTgtSpt', fc: 'MX' }] : []),
  ];
  const measurements = [
    ...['TotW', 'TotVAr', 'TotPF', 'Hz', 'PhV', 'A'].map((d) => ({ ref: `MMXU1.${d}`, fc: 'MX' })),
    ...evses.map((n) => ({ ref: `EVSE${n}MMXU1.TotW`, fc: 'MX' })),
  ];
  const statusMembers = [
    ...evses.flatMap((n) => [{ ref: `DES${n}.ChaSt`, fc: 'ST' }, { ref: `DES${n}.EvConn`, fc: 'ST' }]),
    { ref: 'LLN0.Mod', fc: 'ST' },
    { ref: 'LLN0.Health', fc: 'ST' },
    { ref: 'DFWC1.FctOpSt', fc: 'ST' },
  ];
  const energy = [
    { ref: 'MMTR1.DmdWh', fc: 'ST' },
    { ref: 'MMTR1.SupWh', fc: 'ST' },
    ...evses.flatMap((n) => [{ ref: `EVSE${n}MMTR1.DmdWh`, fc: 'ST' }, { ref: `EVSE${n}MMTR1.SupWh`, fc: 'ST' }]),
  ];
  const lln0: LogicalNodeJson = {
    name: 'LLN0',
    dataObjects: [
      status('Mod', 'ENC', 1, { min: 1, max: 5 }),
      status('Beh', 'ENS', 1),
      status('Health', 'ENS', 1),
      { name: 'NamPlt', cdc: 'LPL', values: { vendor: 'Grid Console', swRev: '1.0', configRev: '1', ldNs: 'IEC 61850-7-420:2019' } },
    ],
    dataSets: [
      { name: 'Setpoints', members: setpoints },
      { name: 'Measurements', members: measurements },
      { name: 'Status', members: statusMembers },
      { name: 'Energy', members: energy },
    ],
    reportControls: [
      { name: 'urcbSetpoints', dataSet: 'Setpoints', buffered: false, trgOps: ['dchg', 'gi'] },
      { name: 'urcbMeasurements', dataSet: 'Measurements', buffered: false, trgOps: ['dchg', 'integrity', 'gi'], intgPd: 1000 },
      { name: 'brcbStatus', dataSet: 'Status', buffered: true, trgOps: ['dchg', 'gi'], bufferSize: 1000 },
      { name: 'brcbEnergy', dataSet: 'Energy', buffered: true, trgOps: ['integrity', 'gi'], intgPd: 60_000, bufferSize: 1000 },
    ],
  };
  return { logicalDevices: [{ name: ld, logicalNodes: [lln0, ...lns] }] };
}
