// ctlVal checks of the control engine: type of the control value, range, and the status value it drives.
import type { Data } from '../../pdu/index.js';
import type { IedModel } from '../model/ied-model.js';
import type { DaLeaf, DataObject } from '../model/types.js';
import { CTL_MODELS } from '../model/types.js';
import type { CtlModel } from '../model/types.js';
import { findInDo } from '../model/build.js';

const INT_TAGS = ['int8', 'int16', 'int24', 'int32', 'int64', 'int8u', 'int16u', 'int24u', 'int32u'];

function integerOf(data: Data): number | undefined {
  for (const tag of [...INT_TAGS, 'enumerated']) {
    if (tag in data) {
      const raw = (data as Record<string, unknown>)[tag];
      const n = typeof raw === 'bigint' ? Number(raw) : raw;
      return typeof n === 'number' && Number.isSafeInteger(n) ? n : undefined;
    }
  }
  return undefined;
}

/** The scalar a ctlVal carries for a DO, or undefined when its type does not fit. */
export function ctlScalar(dobj: DataObject, ctlVal: Data): number | boolean | undefined {
  const type = dobj.control?.valueType;
  if (type === 'boolean') return 'boolean' in ctlVal ? ctlVal.boolean : undefined;
  if (type === 'float32') {
    if ('float32' in ctlVal) return Number.isFinite(ctlVal.float32) ? ctlVal.float32 : undefined;
    if ('structure' in ctlVal) {
      const first = ctlVal.structure.data[0];
      return first && 'float32' in first && Number.isFinite(first.float32) ? first.float32 : undefined;
    }
    return undefined;
  }
  return integerOf(ctlVal);
}

/** Is a scalar within the DO's configured range (and the type's natural range)? */
export function inRange(dobj: DataObject, value: number | boolean): boolean {
  if (typeof value === 'boolean') return true;
  const type = dobj.control?.valueType;
  if (type === 'enum' && (value < 0 || value > 255)) return false;
  if (type === 'int32' && (value < -2147483648 || value > 2147483647)) return false;
  const { min, max } = dobj.range ?? {};
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

/** Data for the status leaf a control drives (stVal / mxVal.f). */
export function statusData(dobj: DataObject, value: number | boolean): Data {
  switch (dobj.control?.valueType) {
    case 'boolean': return { boolean: value === true };
    case 'float32': return { float32: Number(value) };
    case 'enum': return { enumerated: Number(value) };
    default: return { int32: Number(value) };
  }
}

export function primaryLeaf(dobj: DataObject): DaLeaf | undefined {
  const node = dobj.primary === undefined ? undefined : findInDo(dobj, dobj.primary);
  return node?.kind === 'leaf' ? node : undefined;
}

export function ctlModelOf(dobj: DataObject): CtlModel {
  const node = findInDo(dobj, 'ctlModel');
  const index = node?.kind === 'leaf' && 'enumerated' in node.value ? node.value.enumerated : 0;
  return CTL_MODELS[index] ?? 'status-only';
}

export function sboTimeoutOf(dobj: DataObject): number {
  const node = findInDo(dobj, 'sboTimeout');
  const ms = node?.kind === 'leaf' && 'int32u' in node.value ? node.value.int32u : 30_000;
  return ms > 0 ? ms : 30_000;
}

/** Mod values that block controls (IEC 61850-7-4 Beh/Mod: 2 on-blocked, 4 test/blocked, 5 off). */
const BLOCKING_MODES = new Set([2, 4, 5]);

/**
 * blocked-by-mode: the LD's LLN0.Mod (on-blocked, test/blocked, off) blocks every control except
 * LLN0.Mod itself. A function LN's own Mod (DFPF1.Mod...) switches the function, not its setpoints.
 */
export function isBlockedByMode(model: IedModel, dobj: DataObject): boolean {
  const ld = dobj.ref.split('/')[0] ?? '';
  if (dobj.ref === `${ld}/LLN0.Mod`) return false;
  const node = model.find(`${ld}/LLN0.Mod.stVal`);
  return node !== undefined && 'kind' in node && node.kind === 'leaf' && 'enumerated' in node.value && BLOCKING_MODES.has(node.value.enumerated);
}
