// Builds the model tree from a ModelJson, with CDC factories; throws ModelError with a path.
import type { FC } from '../../pdu/index.js';
import { CDC, SI_UNITS } from './cdc.js';
import type { AttrSpec, StructSpec } from './cdc.js';
import type { DataObjectJson, LogicalNodeJson, ModelJson, ReportControlJson } from './model-json.js';
import { CTL_MODELS } from './types.js';
import type { DaNode, DataObject, DataSet, LogicalDevice, LogicalNode, ReportControlSpec } from './types.js';
import { defaultData, toData } from './values.js';

export class ModelError extends Error {
  override readonly name = 'ModelError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

const FCS: readonly FC[] = ['st', 'mx', 'sp', 'sv', 'cf', 'dc', 'sg', 'se', 'sr', 'or', 'bl', 'ex', 'lg', 'co'];

export function parseFc(text: string, path: string): FC {
  const fc = text.toLowerCase() as FC;
  if (!FCS.includes(fc)) throw new ModelError(path, `unknown FC "${text}"`);
  return fc;
}

function buildAttr(spec: AttrSpec | StructSpec, fc: FC, parentRef: string): DaNode {
  const ref = `${parentRef}.${spec.name}`;
  if ('struct' in spec) {
    return { kind: 'struct', name: spec.name, ref, fc, children: spec.struct.map((s) => buildAttr(s, fc, ref)) };
  }
  return { kind: 'leaf', name: spec.name, ref, fc, type: spec.type, value: defaultData(spec.type) };
}

export function buildDataObject(name: string, cdcName: string, parentRef: string, path: string): DataObject {
  const spec = CDC[cdcName];
  if (!spec) throw new ModelError(path, `unknown CDC "${cdcName}"`);
  const ref = `${parentRef}.${name}`;
  const children: DataObject['children'] = spec.attrs.map((a) => buildAttr(a, a.fc, ref));
  for (const sub of spec.subObjects ?? []) children.push(buildDataObject(sub.name, sub.cdc, ref, `${path}.${sub.name}`));
  const dobj: DataObject = { kind: 'do', name, ref, cdc: cdcName, children };
  if (spec.primary !== undefined) dobj.primary = spec.primary;
  if (spec.controlType !== undefined) dobj.control = { valueType: spec.controlType };
  return dobj;
}

/** Finds an attribute by a dotted path inside a DO (`mag.f`, `units.SIUnit`, `phsA.cVal.mag.f`). */
export function findInDo(dobj: DataObject, path: string): DaNode | DataObject | undefined {
  let node: DaNode | DataObject | undefined = dobj;
  for (const part of path.split('.')) {
    if (!node || node.kind === 'leaf') return undefined;
    node = (node.children as (DaNode | DataObject)[]).find((c) => c.name === part);
  }
  return node;
}

function setValue(dobj: DataObject, attrPath: string, value: unknown, path: string): void {
  const node = findInDo(dobj, attrPath);
  if (!node || node.kind !== 'leaf') throw new ModelError(path, `no attribute "${attrPath}" in ${dobj.cdc}`);
  const data = toData(node.type, value);
  if (!data) throw new ModelError(path, `value ${String(value)} does not fit ${node.type}`);
  node.value = data;
}

function applyDoJson(dobj: DataObject, json: DataObjectJson, path: string): void {
  const spec = CDC[json.cdc];
  if (json.value !== undefined) {
    if (dobj.primary === undefined) throw new ModelError(path, `${json.cdc} has no primary value`);
    setValue(dobj, dobj.primary, json.value, `${path}.value`);
  }
  if (dobj.control) {
    const model = json.ctlModel ?? 'direct-with-normal-security';
    const index = CTL_MODELS.indexOf(model as (typeof CTL_MODELS)[number]);
    if (index < 0) throw new ModelError(`${path}.ctlModel`, `unknown control model "${model}"`);
    setValue(dobj, 'ctlModel', index, `${path}.ctlModel`);
    setValue(dobj, 'sboTimeout', json.sboTimeoutMs ?? 30_000, `${path}.sboTimeoutMs`);
  }
  if (spec?.range && json.min !== undefined) setValue(dobj, spec.range.min, json.min, `${path}.min`);
  if (spec?.range && json.max !== undefined) setValue(dobj, spec.range.max, json.max, `${path}.max`);
  if (json.min !== undefined || json.max !== undefined) {
    dobj.range = {};
    if (json.min !== undefined) dobj.range.min = json.min;
    if (json.max !== undefined) dobj.range.max = json.max;
  }
  if (json.unit !== undefined) {
    const unit = typeof json.unit === 'number' ? json.unit : SI_UNITS[json.unit];
    if (unit === undefined) throw new ModelError(`${path}.unit`, `unknown unit "${String(json.unit)}"`);
    setValue(dobj, 'units.SIUnit', unit, `${path}.unit`);
  }
  if (json.d !== undefined) setValue(dobj, 'd', json.d, `${path}.d`);
  for (const [attrPath, value] of Object.entries(json.values ?? {})) setValue(dobj, attrPath, value, `${path}.values.${attrPath}`);
}

function buildRcb(json: ReportControlJson, lnRef: string, ldName: string): ReportControlSpec {
  const trg = new Set(json.trgOps ?? ['dchg', 'qchg', 'gi']);
  return {
    name: json.name,
    ref: `${lnRef}.${json.name}`,
    buffered: json.buffered ?? json.name.toLowerCase().startsWith('brcb'),
    rptID: json.rptID ?? `${lnRef}.${json.name}`,
    dataSet: json.dataSet.includes('/')
      ? json.dataSet
      : json.dataSet.includes('.')
        ? `${ldName}/${json.dataSet}`
        : `${lnRef}.${json.dataSet}`,
    confRev: json.confRev ?? 1,
    trgOps: { dchg: trg.has('dchg'), qchg: trg.has('qchg'), dupd: trg.has('dupd'), integrity: trg.has('integrity'), gi: trg.has('gi') },
    intgPd: json.intgPd ?? 0,
    bufTm: json.bufTm ?? 0,
    bufferSize: Math.max(1, json.bufferSize ?? 1_000),
  };
}

function buildLn(json: LogicalNodeJson, ldName: string, path: string): LogicalNode {
  const ref = `${ldName}/${json.name}`;
  const ln: LogicalNode = { name: json.name, ref, dataObjects: new Map(), dataSets: new Map(), reportControls: new Map() };
  json.dataObjects.forEach((doJson, i) => {
    const doPath = `${path}.dataObjects[${i}]`;
    if (ln.dataObjects.has(doJson.name)) throw new ModelError(doPath, `duplicate data object ${doJson.name}`);
    const dobj = buildDataObject(doJson.name, doJson.cdc, ref, doPath);
    applyDoJson(dobj, doJson, doPath);
    ln.dataObjects.set(doJson.name, dobj);
  });
  (json.dataSets ?? []).forEach((ds, i) => {
    const members = ds.members.map((m, j) => ({
      ref: m.ref.includes('/') ? m.ref : `${ldName}/${m.ref}`,
      fc: parseFc(m.fc, `${path}.dataSets[${i}].members[${j}].fc`),
    }));
    const dataSet: DataSet = { name: ds.name, ref: `${ref}.${ds.name}`, members };
    ln.dataSets.set(ds.name, dataSet);
  });
  (json.reportControls ?? []).forEach((rc) => {
    ln.reportControls.set(rc.name, buildRcb(rc, ref, ldName));
  });
  return ln;
}

export function buildLogicalDevices(json: ModelJson): Map<string, LogicalDevice> {
  const lds = new Map<string, LogicalDevice>();
  json.logicalDevices.forEach((ldJson, i) => {
    const path = `$.logicalDevices[${i}]`;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(ldJson.name)) throw new ModelError(`${path}.name`, 'invalid LD name');
    const ld: LogicalDevice = { name: ldJson.name, logicalNodes: new Map() };
    ldJson.logicalNodes.forEach((lnJson, j) => {
      ld.logicalNodes.set(lnJson.name, buildLn(lnJson, ldJson.name, `${path}.logicalNodes[${j}]`));
    });
    lds.set(ld.name, ld);
  });
  return lds;
}
