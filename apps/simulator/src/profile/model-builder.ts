// The charge point profile v1 (DOMAIN.md §3 with the project's fixed names) as model JSON for the
// protocol library: one logical device per charge point. A public charge point's IED holds its one
// LD; a CPO gateway's IED holds one LD per residential charge point with LPHD1.Proxy = true.
import type { DataObjectJson, LogicalDeviceJson, LogicalNodeJson, ModelJson } from '@dso/iec61850';
import type { AccessPointDescription, ChargePointDescription } from '../fleet-file.js';
import { datasetMembers } from './datasets.js';

const DIRECT = 'direct-with-normal-security';
const SBO_ENHANCED = 'sbo-with-enhanced-security';
const MOD_RANGE = { min: 1, max: 5 };

/** Initial values the builder uses (the fallback time-out and P(f) settings of DOMAIN.md §5). */
export const PROFILE_DEFAULTS = { WMaxFtoS: 300, HzDb: 0.2, DrpPctPerHz: 40, pf: 1 } as const;

const st = (name: string, cdc: string, value: number | boolean, extra: Partial<DataObjectJson> = {}): DataObjectJson => ({ name, cdc, value, ...extra });
const asg = (name: string, unit: string, value: number, extra: Partial<DataObjectJson> = {}): DataObjectJson => ({ name, cdc: 'ASG', unit, value, ...extra });
const mv = (name: string, unit: string | undefined, value: number): DataObjectJson => (unit ? { name, cdc: 'MV', unit, value } : { name, cdc: 'MV', value });
const bcr = (name: string): DataObjectJson => ({ name, cdc: 'BCR', unit: 'Wh', value: 0 });

function lln0(cp: ChargePointDescription, configRev: string): LogicalNodeJson {
  const ds = datasetMembers(cp);
  return {
    name: 'LLN0',
    dataObjects: [
      st('Mod', 'ENC', 1, { ...MOD_RANGE, ctlModel: DIRECT }),
      st('Beh', 'ENS', 1),
      st('Health', 'ENS', 1),
      { name: 'NamPlt', cdc: 'LPL', values: { vendor: cp.vendor, swRev: cp.firmware, configRev, ldNs: 'IEC 61850-7-420:2019' } },
    ],
    dataSets: [
      { name: 'Setpoints', members: ds.setpoints },
      { name: 'Measurements', members: ds.measurements },
      { name: 'Status', members: ds.status },
      { name: 'Energy', members: ds.energy },
    ],
    // BufTm 50 ms gathers the values one simulation step writes into one report.
    reportControls: [
      { name: 'urcbSetpoints', dataSet: 'Setpoints', buffered: false, trgOps: ['dchg', 'gi'], bufTm: 50 },
      { name: 'urcbMeasurements', dataSet: 'Measurements', buffered: false, trgOps: ['dchg', 'integrity', 'gi'], intgPd: 1000, bufTm: 50 },
      { name: 'brcbStatus', dataSet: 'Status', buffered: true, trgOps: ['dchg', 'gi'], bufTm: 50, bufferSize: 1000 },
      { name: 'brcbEnergy', dataSet: 'Energy', buffered: true, trgOps: ['integrity', 'gi'], intgPd: 60_000, bufferSize: 1000 },
    ],
  };
}

function deviceNodes(cp: ChargePointDescription, proxy: boolean): LogicalNodeJson[] {
  const wRtg = cp.maxImportW;
  return [
    {
      name: 'LPHD1',
      dataObjects: [
        { name: 'PhyNam', cdc: 'DPL', values: { vendor: cp.vendor, model: cp.model, serNum: cp.serialNumber, swRev: cp.firmware } },
        st('PhyHealth', 'ENS', 1),
        st('Proxy', 'SPS', proxy),
      ],
    },
    { name: 'DPCC1', dataObjects: [asg('WRtg', 'W', wRtg), asg('WExpRtg', 'W', cp.v2gCapable ? cp.maxExportW : 0), asg('VArRtg', 'var', cp.maxReactiveVar)] },
    {
      name: 'DWMX1',
      dataObjects: [
        { name: 'WMaxSpt', cdc: 'APC', unit: 'W', value: wRtg, min: 0, max: wRtg, ctlModel: DIRECT },
        asg('WMaxSet', 'W', wRtg, { min: 0, max: wRtg }),
        { name: 'WMaxFto', cdc: 'ING', unit: 's', value: PROFILE_DEFAULTS.WMaxFtoS, min: 0, max: 86_400 },
        st('SptReas', 'INC', 4, { ctlModel: 'status-only', min: 1, max: 4 }),
      ],
    },
    { name: 'DWMX2', dataObjects: [{ name: 'WMaxSpt', cdc: 'APC', unit: 'W', value: wRtg, min: 0, max: wRtg, ctlModel: 'status-only' }] },
    {
      name: 'MMXU1',
      dataObjects: [mv('TotW', 'W', 0), mv('TotVAr', 'var', 0), mv('TotPF', undefined, 1), mv('Hz', 'Hz', 50), { name: 'PhV', cdc: 'WYE' }, { name: 'A', cdc: 'WYE' }],
    },
    { name: 'MMTR1', dataObjects: [bcr('DmdWh'), bcr('SupWh')] },
  ];
}

function evseNodes(cp: ChargePointDescription): LogicalNodeJson[] {
  return cp.evses.flatMap((e) => [
    { name: `DESE${e.evseNo}`, dataObjects: [st('ChaSt', 'ENS', 1), st('EvConn', 'SPS', false), st('V2gCap', 'SPS', e.v2gCapable && cp.v2gCapable)] },
    { name: `EVSE${e.evseNo}MMXU1`, dataObjects: [mv('TotW', 'W', 0)] },
    { name: `EVSE${e.evseNo}MMTR1`, dataObjects: [bcr('DmdWh'), bcr('SupWh')] },
  ]);
}

function functionNodes(cp: ChargePointDescription, sboTimeoutMs: number): LogicalNodeJson[] {
  const lns: LogicalNodeJson[] = [];
  if (cp.v2gCapable) {
    lns.push({
      name: 'DAGC1',
      dataObjects: [{ name: 'WSpt', cdc: 'APC', unit: 'W', value: 0, min: -cp.maxExportW, max: cp.maxImportW, ctlModel: SBO_ENHANCED, sboTimeoutMs }],
    });
  }
  if (cp.reactiveCapable) {
    lns.push(
      { name: 'DFPF1', dataObjects: [{ name: 'PFTgtSpt', cdc: 'APC', value: PROFILE_DEFAULTS.pf, min: -1, max: 1, ctlModel: DIRECT }, st('Mod', 'ENC', 5, { ...MOD_RANGE, ctlModel: DIRECT })] },
      {
        name: 'DVAR1',
        dataObjects: [
          { name: 'VArTgtSpt', cdc: 'APC', unit: 'var', value: 0, min: -cp.maxReactiveVar, max: cp.maxReactiveVar, ctlModel: DIRECT },
          st('Mod', 'ENC', 5, { ...MOD_RANGE, ctlModel: DIRECT }),
        ],
      },
    );
  }
  if (cp.freqResponseCapable) {
    lns.push({
      name: 'DFWC1',
      dataObjects: [
        st('Mod', 'ENC', 5, { ...MOD_RANGE, ctlModel: DIRECT }),
        asg('HzDb', 'Hz', PROFILE_DEFAULTS.HzDb, { min: 0, max: 1 }),
        asg('Drp', '%', PROFILE_DEFAULTS.DrpPctPerHz, { min: 0, max: 100 }),
        st('FctOpSt', 'ENS', 1),
      ],
    });
  }
  return lns;
}

/** The logical device of one charge point (LD name = the charge point's logical device name). */
export interface ModelOptions {
  /** LPHD1.Proxy (true in a CPO gateway). */
  proxy?: boolean;
  /** Select timeout of the SBO controls (DAGC1.WSpt), default 30 000 ms. */
  sboTimeoutMs?: number;
  /** LLN0.NamPlt.configRev (default "1"). */
  configRev?: string;
}

export function chargePointLogicalDevice(cp: ChargePointDescription, options: ModelOptions = {}): LogicalDeviceJson {
  const lns = [lln0(cp, options.configRev ?? '1'), ...deviceNodes(cp, options.proxy ?? false), ...evseNodes(cp), ...functionNodes(cp, options.sboTimeoutMs ?? 30_000)];
  return { name: cp.logicalDevice, logicalNodes: lns };
}

/** The IED model an access point serves: one LD (public) or one proxy LD per charge point (gateway). */
export function accessPointModel(ap: AccessPointDescription, options: Omit<ModelOptions, 'proxy'> = {}): ModelJson {
  const proxy = ap.kind === 'cpoGateway';
  return { logicalDevices: ap.chargePoints.map((cp) => chargePointLogicalDevice(cp, { ...options, proxy })) };
}
