// The JSON model description an ACSI server is built from (documented in the package README).
//
//   { "logicalDevices": [ { "name": "CP0001", "logicalNodes": [
//       { "name": "MMXU1", "dataObjects": [ { "name": "TotW", "cdc": "MV", "unit": "W", "value": 0 } ] },
//       { "name": "LLN0", "dataObjects": [...],
//         "dataSets": [ { "name": "Measurements", "members": [ { "ref": "MMXU1.TotW", "fc": "MX" } ] } ],
//         "reportControls": [ { "name": "urcbMeasurements", "dataSet": "Measurements",
//                               "trgOps": ["dchg", "integrity", "gi"], "intgPd": 1000 } ] } ] } ] }

export interface ModelJson {
  logicalDevices: LogicalDeviceJson[];
}

export interface LogicalDeviceJson {
  /** Full LD name as it appears in references (`CP0001` in `CP0001/MMXU1.TotW`). */
  name: string;
  logicalNodes: LogicalNodeJson[];
}

export interface LogicalNodeJson {
  /** Full LN name: prefix + class + instance (`LLN0`, `MMXU1`, `EVSE1MMXU1`, `DESE1`). */
  name: string;
  dataObjects: DataObjectJson[];
  dataSets?: DataSetJson[];
  reportControls?: ReportControlJson[];
}

export interface DataObjectJson {
  name: string;
  /** Common data class: SPS, INS, ENS, ENC, SPC, INC, APC, MV, CMV, WYE, BCR, ASG, ING, DPL, LPL. */
  cdc: string;
  /** Initial primary value: stVal, mag.f, mxVal.f, actVal, setMag.f or setVal depending on the CDC. */
  value?: number | boolean | string;
  /** Further initial values by attribute path inside the DO (`"units.multiplier": 3`, `"vendor": "ACME"`). */
  values?: Record<string, number | boolean | string>;
  /** Controllable CDCs: the control model (default direct-with-normal-security). */
  ctlModel?: string;
  /** Select timeout for SBO control models, ms (default 30 000). */
  sboTimeoutMs?: number;
  /** Range of accepted values (control and write checks): minVal / maxVal. */
  min?: number;
  max?: number;
  /** SI unit name (`W`, `var`, `Hz`, `V`, `A`, `Wh`) or number; sets units.SIUnit. */
  unit?: string | number;
  /** Description (the `d` attribute). */
  d?: string;
}

export interface DataSetJson {
  name: string;
  /** Members: `ref` relative to the LD (`MMXU1.TotW`) or full (`CP0001/MMXU1.TotW`); `fc` any case. */
  members: { ref: string; fc: string }[];
}

export interface ReportControlJson {
  name: string;
  dataSet: string;
  /** Buffered (BRCB) or unbuffered (URCB); default: true when the name starts with "brcb". */
  buffered?: boolean;
  rptID?: string;
  confRev?: number;
  trgOps?: ('dchg' | 'qchg' | 'dupd' | 'integrity' | 'gi')[];
  /** Integrity period, ms. */
  intgPd?: number;
  /** Buffer time, ms (coalescing of changes into one report). */
  bufTm?: number;
  /** BRCB: maximum number of buffered entries (default 1000). */
  bufferSize?: number;
}
