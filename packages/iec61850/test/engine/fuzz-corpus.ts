// Shared corpus and limits of the fuzz tests: valid frames of every kind the engines handle.
import type { RequestServiceType, ResponseServiceType, UnconfirmedServiceType } from '../../src/pdu/index.js';
import { orIdentFromString, reasonCode, timeStampFromDate } from '../../src/pdu/index.js';

export const FRAMES = 10_000;
/** Generous: a loaded 2-CPU machine runs this several times slower than an idle one. */
export const DEADLINE_MS = 150_000;
export const TEST_TIMEOUT_MS = 180_000;
/** Mutated frames between two liveness probes. */
export const BATCH = 8;
export const AID = '__AID__';
const origin = { orCat: 'remoteControl' as const, orIdent: orIdentFromString('fuzz') };
const t = timeStampFromDate(1_700_000_000_000);

export const requests: RequestServiceType[] = [
  { getServerDirectory: { objectClass: 'logicalDevice' } },
  { getLogicalDeviceDirectory: { ldName: 'CP0001' } },
  { getLogicalNodeDirectory: { lnRef: 'CP0001/LLN0', aCSIClass: 'dataset' } },
  { getDataValues: { ref: { ref: 'CP0001/MMXU1.TotW', fc: 'mx' }, includeElementName: true } },
  { setDataValues: { ref: { ref: 'CP0001/DWMX1.WMaxSet.setMag.f', fc: 'sp' }, dataAttrVal: [{ data: { float32: 1000 } }] } },
  { getDatasetValues: { dsRef: 'CP0001/LLN0.Measurements' } },
  { getDataSetDirectory: { dsRef: 'CP0001/LLN0.Status' } },
  { getDataDefinition: { dataRef: 'CP0001/MMXU1.PhV' } },
  { setURCBValues: { urcbRef: 'CP0001/LLN0.urcbSetpoints', rptEna: true, gi: true } },
  { setBRCBValues: { brcbRef: 'CP0001/LLN0.brcbStatus', entryID: new Uint8Array(8), rptEna: true, intgPd: 5 } },
  { getBRCBValues: { brcbRef: 'CP0001/LLN0.brcbStatus' } },
  { operate: { ref: 'CP0001/DWMX1.WMaxSpt', ctlVal: { float32: 5000 }, origin, ctlNum: 1, t, test: false } },
  { selectWithValue: { ref: 'CP0001/DAGC1.WSpt', ctlVal: { float32: -100 }, origin, ctlNum: 2, t, test: false, check: { synchroCheck: false, interlockCheck: false } } },
  { cancel: { ref: 'CP0001/DAGC1.WSpt', ctlVal: { float32: -100 }, origin, ctlNum: 2, t, test: false } },
];

export const responses: ResponseServiceType[] = [
  { getDataValues: { dataAttrVal: [{ name: 'mag', data: { structure: { data: [{ float32: 7350.5 }] } } }, { data: { quality: { validity: 'good', source: 'process', test: false, operatorBlock: false } } }] } },
  { serviceError: 'instanceNotAvailable' },
  { operate: { success: true } },
];
export const unconfirmed: UnconfirmedServiceType[] = [
  {
    report: {
      rptID: 'R1', sqNum: 3, subSqNum: 0, moreSegmentsFollow: false, bufOvfl: false, confRev: 1, dataSet: 'CP0001/LLN0.Status',
      entry: { timeOfEntry: t, entryID: new Uint8Array([0, 0, 0, 0, 0, 0, 0, 9]), entryData: [{ dataRef: 'CP0001/DESE1.ChaSt.stVal', value: [{ data: { enumerated: 3 } }], reasonCode: reasonCode({ dataChange: true }) }] },
    },
  },
  { cmdTerm: { ref: 'CP0001/DAGC1.WSpt', ctlVal: { float32: -100 }, origin, ctlNum: 2, t, test: false, check: { synchroCheck: false, interlockCheck: false }, addCause: 'blockedByHealth' } },
];

export function heapMb(): number {
  return process.memoryUsage().heapUsed / 1e6;
}
