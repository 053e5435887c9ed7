// The IED model tree of the ACSI server: IED → LD → LN → DO → DA (with functional constraints).
// Leaf values are kept as tagged `Data` values, so reads answer without conversion.
import type { Data, FC } from '../../pdu/index.js';

/** The basic attribute types the CDC factories use (a subset of IEC 61850-7-2 basic types). */
export type BasicType =
  | 'boolean'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'int8u'
  | 'int16u'
  | 'int32u'
  | 'float32'
  | 'enum'
  | 'quality'
  | 'timestamp'
  | 'visString64'
  | 'visString129'
  | 'visString255'
  | 'octetString64';

export interface DaLeaf {
  kind: 'leaf';
  name: string;
  /** Full object reference without FC, e.g. `CP0001/MMXU1.TotW.mag.f`. */
  ref: string;
  fc: FC;
  type: BasicType;
  value: Data;
}

export interface DaStruct {
  kind: 'struct';
  name: string;
  ref: string;
  fc: FC;
  children: DaNode[];
}

export type DaNode = DaLeaf | DaStruct;

/** ctlModel values (IEC 61850-7-3 CtlModelKind). */
export const CTL_MODELS = [
  'status-only',
  'direct-with-normal-security',
  'sbo-with-normal-security',
  'direct-with-enhanced-security',
  'sbo-with-enhanced-security',
] as const;
export type CtlModel = (typeof CTL_MODELS)[number];

export interface DataObject {
  kind: 'do';
  name: string;
  ref: string;
  cdc: string;
  children: (DaNode | DataObject)[];
  /** Path (inside the DO) of the status/measured value a control drives, e.g. `stVal`, `mxVal.f`. */
  primary?: string;
  /** Set for controllable CDCs (SPC, INC, ENC, APC). */
  control?: { valueType: BasicType };
  /** Accepted value range (model JSON min/max), for controls and writes of the primary value. */
  range?: { min?: number; max?: number };
}

export interface DataSetMember {
  ref: string;
  fc: FC;
}

export interface DataSet {
  name: string;
  ref: string;
  members: DataSetMember[];
}

export interface ReportControlSpec {
  name: string;
  ref: string;
  buffered: boolean;
  rptID: string;
  dataSet: string;
  confRev: number;
  trgOps: { dchg: boolean; qchg: boolean; dupd: boolean; integrity: boolean; gi: boolean };
  intgPd: number;
  bufTm: number;
  bufferSize: number;
}

export interface LogicalNode {
  name: string;
  ref: string;
  dataObjects: Map<string, DataObject>;
  dataSets: Map<string, DataSet>;
  reportControls: Map<string, ReportControlSpec>;
}

export interface LogicalDevice {
  name: string;
  logicalNodes: Map<string, LogicalNode>;
}

export type ModelNode = LogicalNode | DataObject | DaNode;
