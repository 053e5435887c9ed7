// Data services of the ACSI server: getDataValues, setDataValues (FC co refused with
// accessViolation, type and range checks), getDatasetValues.
import type {
  Data,
  DataAttributeValue,
  FC,
  GetDataSetValuesRequest,
  GetDataValuesRequest,
  ResponseServiceType,
  ServiceStatusKind,
  SetDataValuesRequest,
} from '../../pdu/index.js';
import type { IedModel } from '../model/ied-model.js';
import type { DaLeaf, DaNode, DataObject, ModelNode } from '../model/types.js';
import { checkData, numericOf } from '../model/values.js';

/** FCs a client may write with setDataValues (ST/MX belong to the process, CO to the control services). */
const WRITABLE: ReadonlySet<FC> = new Set<FC>(['sp', 'sv', 'cf', 'dc', 'sg', 'se', 'ex']);

export function getDataValues(model: IedModel, req: GetDataValuesRequest): ResponseServiceType {
  const values = model.read(req.ref.ref, req.ref.fc, req.includeElementName);
  return values ? { getDataValues: { dataAttrVal: values } } : { serviceError: 'instanceNotAvailable' };
}

export function getDatasetValues(model: IedModel, req: GetDataSetValuesRequest): ResponseServiceType {
  const ds = model.dataSet(req.dsRef);
  if (!ds) return { serviceError: 'instanceNotAvailable' };
  const dsMemberValue: DataAttributeValue[] = ds.members.map((m) => {
    const node = model.find(m.ref);
    const data = node ? model.valueOf(node, m.fc) : undefined;
    return { name: m.ref, data: data ?? { structure: { data: [] } } };
  });
  return { getDatasetValues: { dsMemberValue } };
}

type Writes = { leaf: DaLeaf; value: Data }[];

function fcChildren(model: IedModel, node: ModelNode, fc: FC): (DaNode | DataObject)[] {
  if (!('kind' in node) || node.kind === 'leaf') return [];
  const children: (DaNode | DataObject)[] = node.children;
  return children.filter((c) => model.hasFc(c, fc));
}

/** Matches a Data value onto a node (leaf: type check; structure: element per FC child). */
function assign(model: IedModel, node: DaNode | DataObject, fc: FC, data: Data, out: Writes): ServiceStatusKind | undefined {
  if (node.kind === 'leaf') {
    if (!checkData(node.type, data)) return 'typeConflict';
    out.push({ leaf: node, value: data });
    return undefined;
  }
  if (!('structure' in data)) return 'typeConflict';
  const children = fcChildren(model, node, fc);
  if (children.length !== data.structure.data.length) return 'typeConflict';
  for (const [i, child] of children.entries()) {
    const element = data.structure.data[i];
    const error = element ? assign(model, child, fc, element, out) : 'typeConflict';
    if (error) return error;
  }
  return undefined;
}

function rangeError(model: IedModel, writes: Writes): ServiceStatusKind | undefined {
  for (const { leaf, value } of writes) {
    const dobj = model.topDataObject(leaf.ref);
    if (!dobj?.range || dobj.primary === undefined || leaf.ref !== `${dobj.ref}.${dobj.primary}`) continue;
    const n = numericOf(value);
    const { min, max } = dobj.range;
    if (n === undefined || Number.isNaN(n) || (min !== undefined && n < min) || (max !== undefined && n > max)) {
      return 'parameterValueInconsistent';
    }
  }
  return undefined;
}

export function setDataValues(model: IedModel, req: SetDataValuesRequest): ResponseServiceType {
  const { ref, fc } = req.ref;
  if (!WRITABLE.has(fc)) return { serviceError: 'accessViolation' };
  const node = model.find(ref);
  if (!node || !('kind' in node) || !model.hasFc(node, fc)) return { serviceError: 'instanceNotAvailable' };
  const writes: Writes = [];
  let error: ServiceStatusKind | undefined;
  const values = req.dataAttrVal;
  const children = fcChildren(model, node, fc);
  if (node.kind === 'leaf' || values.length === 1) {
    error = values[0] ? assign(model, node, fc, values[0].data, writes) : 'parameterValueInconsistent';
    if (error === 'typeConflict' && node.kind !== 'leaf' && children.length === 1 && values[0]) {
      writes.length = 0;
      error = assign(model, children[0] as DaNode | DataObject, fc, values[0].data, writes);
    }
  } else if (values.length === children.length) {
    for (const [i, child] of children.entries()) {
      const value = values[i];
      error = value ? assign(model, child, fc, value.data, writes) : 'typeConflict';
      if (error) break;
    }
  } else {
    error = 'typeConflict';
  }
  error ??= rangeError(model, writes);
  if (error) return { serviceError: error };
  model.writeLeaves(writes);
  return { setDataValues: { result: 'ok' } };
}
