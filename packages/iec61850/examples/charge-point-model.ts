// The charge point profile v1 of DOMAIN.md §3 (names fixed in the project's profile: DESE<n>,
// EVSE<n>MMXU1/MMTR1, the four data sets and RCBs of LLN0) as a model JSON: one LD per charge point.
import type { DataObjectJson, LogicalNodeJson, ModelJson } from '../src/index.js';

const status = (name: string, cdc: string, value: number | boolean, extra: Partial<DataObjectJson> = {}): DataObjectJson => ({ name, cdc, value, ...extra });

export interface ChargePointOptions {
  evseCount?: number;
  v2g?: boolean;
  reactive?: boolean;
  freqResponse?: boolean;
  ratedW?: number;
}

function evseNodes(n: number, v2g: boolean): LogicalNodeJson[] {
  return [
    { name: `DESE${n}`, dataObjects: [status('ChaSt', 'ENS', 1), status('EvConn', 'SPS', false), status('V2gCap', 'SPS', v2g)] },
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

function deviceNodes(ld: string, ratedW: number, v2g: boolean): LogicalNodeJson[] {
  return [
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
  ];
}

interface Functions {
  v2g: boolean;
  reactive: boolean;
  freqResponse: boolean;
}

function optionalNodes(ratedW: number, f: Functions): LogicalNodeJson[] {
  const lns: LogicalNodeJson[] = [];
  const { v2g, reactive } = f;
  if (f.freqResponse) {
    lns.push({
      name: 'DFWC1',
      dataObjects: [
        status('Mod', 'ENC', 5, { min: 1, max: 5 }),
        { name: 'HzDb', cdc: 'ASG', unit: 'Hz', value: 0.2, min: 0, max: 1 },
        { name: 'Drp', cdc: 'ASG', unit: '%', value: 5, min: 0, max: 100 },
        status('FctOpSt', 'ENS', 1),
      ],
    });
  }
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
  return lns;
}

/** LLN0 with the four data sets and RCBs of DOMAIN.md §3 ("Reports (in LLN0)"). */
function lln0Node(evses: number[], f: Functions): LogicalNodeJson {
  const member = (ref: string, fc: string) => ({ ref, fc });
  const setpoints = [
    member('DWMX1.WMaxSpt', 'MX'),
    member('DWMX1.WMaxSet', 'SP'),
    member('DWMX1.WMaxFto', 'SP'),
    member('DWMX1.SptReas', 'ST'),
    member('DWMX2.WMaxSpt', 'MX'),
    ...(f.v2g ? [member('DAGC1.WSpt', 'MX')] : []),
    ...(f.reactive ? [member('DFPF1.PFTgtSpt', 'MX'), member('DFPF1.Mod', 'ST'), member('DVAR1.VArTgtSpt', 'MX'), member('DVAR1.Mod', 'ST')] : []),
    ...(f.freqResponse ? [member('DFWC1.Mod', 'ST'), member('DFWC1.HzDb', 'SP'), member('DFWC1.Drp', 'SP')] : []),
  ];
  const measurements = [
    ...['TotW', 'TotVAr', 'TotPF', 'Hz', 'PhV', 'A'].map((d) => member(`MMXU1.${d}`, 'MX')),
    ...evses.map((n) => member(`EVSE${n}MMXU1.TotW`, 'MX')),
  ];
  const statusMembers = [
    ...evses.flatMap((n) => [member(`DESE${n}.ChaSt`, 'ST'), member(`DESE${n}.EvConn`, 'ST')]),
    member('LLN0.Mod', 'ST'),
    member('LLN0.Health', 'ST'),
    ...(f.freqResponse ? [member('DFWC1.FctOpSt', 'ST')] : []),
  ];
  const energy = [
    member('MMTR1.DmdWh', 'ST'),
    member('MMTR1.SupWh', 'ST'),
    ...evses.flatMap((n) => [member(`EVSE${n}MMTR1.DmdWh`, 'ST'), member(`EVSE${n}MMTR1.SupWh`, 'ST')]),
  ];
  return {
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
}

export function chargePointModel(ld = 'CP0001', options: ChargePointOptions = {}): ModelJson {
  const evses = Array.from({ length: options.evseCount ?? 2 }, (_v, i) => i + 1);
  const f: Functions = { v2g: options.v2g ?? true, reactive: options.reactive ?? true, freqResponse: options.freqResponse ?? true };
  const ratedW = options.ratedW ?? 22_000;
  const lns = [
    lln0Node(evses, f),
    ...deviceNodes(ld, ratedW, f.v2g),
    ...evses.flatMap((n) => evseNodes(n, f.v2g)),
    ...optionalNodes(ratedW, f),
  ];
  return { logicalDevices: [{ name: ld, logicalNodes: lns }] };
}
