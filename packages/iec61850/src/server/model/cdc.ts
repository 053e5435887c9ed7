// CDC factories (IEC 61850-7-3): which data attributes, with which FC and type, a data object of a
// common data class carries. Only the attributes this project uses; the table is easy to extend.
import type { FC } from '../../pdu/index.js';
import type { BasicType } from './types.js';

/** An attribute: a leaf with a basic type, or a structure of further attributes. */
export type AttrSpec = { name: string; fc: FC; type: BasicType } | { name: string; fc: FC; struct: StructSpec[] };
export type StructSpec = { name: string; type: BasicType } | { name: string; struct: StructSpec[] };

export interface CdcSpec {
  attrs: AttrSpec[];
  /** Sub data objects (WYE phases). */
  subObjects?: { name: string; cdc: string }[];
  /** The primary value path (target of `value` in the model JSON and of controls). */
  primary?: string;
  /** Controllable: the type of ctlVal. */
  controlType?: BasicType;
  /** Attribute holding minimum/maximum (for range checks), as paths. */
  range?: { min: string; max: string };
}

const leaf = (name: string, fc: FC, type: BasicType): AttrSpec => ({ name, fc, type });
const analogue: StructSpec[] = [{ name: 'f', type: 'float32' }];
const units: AttrSpec = { name: 'units', fc: 'cf', struct: [{ name: 'SIUnit', type: 'enum' }, { name: 'multiplier', type: 'enum' }] };
const d = leaf('d', 'dc', 'visString255');

function status(type: BasicType, fc: FC = 'st'): AttrSpec[] {
  return [leaf('stVal', fc, type), leaf('q', fc, 'quality'), leaf('t', fc, 'timestamp')];
}

/** Oper / SBOw / Cancel structures of a controllable CDC (IEC 61850-7-3 §7.5.4). */
function controlStruct(name: string, ctlVal: StructSpec): AttrSpec {
  return {
    name,
    fc: 'co',
    struct: [
      ctlVal,
      { name: 'origin', struct: [{ name: 'orCat', type: 'enum' }, { name: 'orIdent', type: 'octetString64' }] },
      { name: 'ctlNum', type: 'int8u' },
      { name: 'T', type: 'timestamp' },
      { name: 'Test', type: 'boolean' },
    ],
  };
}

function controllable(ctlVal: StructSpec): AttrSpec[] {
  return [
    leaf('ctlModel', 'cf', 'enum'),
    leaf('sboTimeout', 'cf', 'int32u'),
    controlStruct('SBOw', ctlVal),
    controlStruct('Oper', ctlVal),
    controlStruct('Cancel', ctlVal),
  ];
}

export const CDC: Record<string, CdcSpec> = {
  SPS: { attrs: [...status('boolean'), d], primary: 'stVal' },
  INS: { attrs: [...status('int32'), d], primary: 'stVal' },
  ENS: { attrs: [...status('enum'), d], primary: 'stVal' },
  SPC: {
    attrs: [...status('boolean'), ...controllable({ name: 'ctlVal', type: 'boolean' }), d],
    primary: 'stVal',
    controlType: 'boolean',
  },
  INC: {
    attrs: [...status('int32'), leaf('minVal', 'cf', 'int32'), leaf('maxVal', 'cf', 'int32'), ...controllable({ name: 'ctlVal', type: 'int32' }), d],
    primary: 'stVal',
    controlType: 'int32',
    range: { min: 'minVal', max: 'maxVal' },
  },
  ENC: {
    attrs: [...status('enum'), ...controllable({ name: 'ctlVal', type: 'enum' }), d],
    primary: 'stVal',
    controlType: 'enum',
  },
  APC: {
    attrs: [
      { name: 'mxVal', fc: 'mx', struct: analogue },
      leaf('q', 'mx', 'quality'),
      leaf('t', 'mx', 'timestamp'),
      units,
      { name: 'minVal', fc: 'cf', struct: analogue },
      { name: 'maxVal', fc: 'cf', struct: analogue },
      ...controllable({ name: 'ctlVal', struct: analogue }),
      d,
    ],
    primary: 'mxVal.f',
    controlType: 'float32',
    range: { min: 'minVal.f', max: 'maxVal.f' },
  },
  MV: {
    attrs: [{ name: 'mag', fc: 'mx', struct: analogue }, leaf('q', 'mx', 'quality'), leaf('t', 'mx', 'timestamp'), units, d],
    primary: 'mag.f',
  },
  CMV: {
    attrs: [
      { name: 'cVal', fc: 'mx', struct: [{ name: 'mag', struct: analogue }, { name: 'ang', struct: analogue }] },
      leaf('q', 'mx', 'quality'),
      leaf('t', 'mx', 'timestamp'),
      units,
    ],
    primary: 'cVal.mag.f',
  },
  WYE: {
    attrs: [d],
    subObjects: [
      { name: 'phsA', cdc: 'CMV' },
      { name: 'phsB', cdc: 'CMV' },
      { name: 'phsC', cdc: 'CMV' },
    ],
  },
  BCR: {
    attrs: [leaf('actVal', 'st', 'int64'), leaf('q', 'st', 'quality'), leaf('t', 'st', 'timestamp'), units, leaf('pulsQty', 'cf', 'float32'), d],
    primary: 'actVal',
  },
  ASG: {
    attrs: [{ name: 'setMag', fc: 'sp', struct: analogue }, units, { name: 'minVal', fc: 'cf', struct: analogue }, { name: 'maxVal', fc: 'cf', struct: analogue }, d],
    primary: 'setMag.f',
    range: { min: 'minVal.f', max: 'maxVal.f' },
  },
  ING: {
    attrs: [leaf('setVal', 'sp', 'int32'), leaf('minVal', 'cf', 'int32'), leaf('maxVal', 'cf', 'int32'), units, d],
    primary: 'setVal',
    range: { min: 'minVal', max: 'maxVal' },
  },
  DPL: {
    attrs: ['vendor', 'hwRev', 'swRev', 'serNum', 'model', 'location'].map((n) => leaf(n, 'dc', 'visString255')),
  },
  LPL: {
    attrs: [leaf('vendor', 'dc', 'visString255'), leaf('swRev', 'dc', 'visString255'), d, leaf('configRev', 'dc', 'visString255'), leaf('ldNs', 'ex', 'visString255')],
  },
};

/** SI unit names accepted in the model JSON (IEC 61850-7-3 SIUnitKind). */
export const SI_UNITS: Record<string, number> = {
  none: 1, m: 2, kg: 3, s: 4, A: 5, K: 6, mol: 7, cd: 8, deg: 9, rad: 10,
  V: 29, ohm: 30, J: 31, N: 32, Hz: 33, W: 62, VA: 61, var: 63, Wh: 72, VAh: 71, varh: 73, '%': 206,
};
