// Discovery services of the ACSI server: server / LD / LN / data set directories, data definition.
import type {
  DataAttributeDefinition,
  DataObjectDefinition,
  GetDataDefinitionRequest,
  GetDataDirectoryRequest,
  GetDataSetDirectoryRequest,
  GetLogicalDeviceDirectoryRequest,
  GetLogicalNodeDirectoryRequest,
  GetServerDirectoryRequest,
  ResponseServiceType,
  TypeSpecification,
} from '../../pdu/index.js';
import type { IedModel } from '../model/ied-model.js';
import type { DaNode, DataObject } from '../model/types.js';
import { typeSpecOf } from '../model/values.js';

export interface DiscoveryOptions {
  /** getLogicalDeviceDirectory answers bare LN names (`LLN0`) or full refs (`CP0001/LLN0`). */
  lnRefStyle: 'bare' | 'full';
}

export function getServerDirectory(model: IedModel, req: GetServerDirectoryRequest): ResponseServiceType {
  const result = req.objectClass === 'logicalDevice' ? [...model.logicalDevices.keys()] : [];
  return { getServerDirectory: { result } };
}

export function getLogicalDeviceDirectory(model: IedModel, req: GetLogicalDeviceDirectoryRequest, options: DiscoveryOptions): ResponseServiceType {
  const ld = model.logicalDevices.get(req.ldName);
  if (!ld) return { serviceError: 'instanceNotAvailable' };
  const names = [...ld.logicalNodes.keys()];
  return { getLogicalDeviceDirectory: { lnRef: options.lnRefStyle === 'full' ? names.map((n) => `${ld.name}/${n}`) : names } };
}

export function getLogicalNodeDirectory(model: IedModel, req: GetLogicalNodeDirectoryRequest): ResponseServiceType {
  const ln = model.logicalNode(req.lnRef);
  if (!ln) return { serviceError: 'instanceNotAvailable' };
  const rcbs = [...ln.reportControls.values()];
  let instanceNames: string[];
  switch (req.aCSIClass) {
    case 'dataObject': instanceNames = [...ln.dataObjects.keys()]; break;
    case 'dataset': instanceNames = [...ln.dataSets.keys()]; break;
    case 'brcb': instanceNames = rcbs.filter((r) => r.buffered).map((r) => r.name); break;
    case 'urcb': instanceNames = rcbs.filter((r) => !r.buffered).map((r) => r.name); break;
    default: instanceNames = [];
  }
  return { getLogicalNodeDirectory: { instanceNames } };
}

export function getDataSetDirectory(model: IedModel, req: GetDataSetDirectoryRequest): ResponseServiceType {
  const ds = model.dataSet(req.dsRef);
  if (!ds) return { serviceError: 'instanceNotAvailable' };
  return { getDataSetDirectory: { dsMemberRef: ds.members.map((m) => ({ ref: m.ref, fc: m.fc })) } };
}

export function getDataDirectory(model: IedModel, req: GetDataDirectoryRequest): ResponseServiceType {
  const node = model.find(req.dataRef);
  if (!node || !('kind' in node) || node.kind === 'leaf') return { serviceError: 'instanceNotAvailable' };
  const children: (DaNode | DataObject)[] = node.children;
  return {
    getDataDirectory: {
      subDataObjectName: children.filter((c) => c.kind === 'do').map((c) => c.name),
      dataAttrName: children.filter((c) => c.kind !== 'do').map((c) => c.name),
    },
  };
}

function typeOf(node: DaNode): TypeSpecification {
  if (node.kind === 'leaf') return typeSpecOf(node.type);
  return { structure: node.children.map((c) => ({ cmpName: c.name, cmpType: typeOf(c) })) };
}

function attributeDefs(dobj: DataObject): DataAttributeDefinition[] {
  return dobj.children.filter((c): c is DaNode => c.kind !== 'do').map((c) => ({ daRef: c.name, fc: c.fc, daType: typeOf(c) }));
}

function objectDef(dobj: DataObject): DataObjectDefinition {
  const subs = dobj.children.filter((c): c is DataObject => c.kind === 'do');
  const def: DataObjectDefinition = { name: dobj.name, cdc: dobj.cdc, dataAttributeDefinition: attributeDefs(dobj) };
  if (subs.length > 0) def.subDataDefinition = subs.map(objectDef);
  return def;
}

export function getDataDefinition(model: IedModel, req: GetDataDefinitionRequest): ResponseServiceType {
  const node = model.find(req.dataRef);
  if (!node || !('kind' in node)) return { serviceError: 'instanceNotAvailable' };
  if (node.kind !== 'do') return { getDataDefinition: { dataAttributeDefinition: [{ daRef: node.name, fc: node.fc, daType: typeOf(node) }] } };
  const subs = node.children.filter((c): c is DataObject => c.kind === 'do');
  return {
    getDataDefinition: {
      cdc: node.cdc,
      dataAttributeDefinition: attributeDefs(node),
      ...(subs.length > 0 ? { subDataDefinition: subs.map(objectDef) } : {}),
    },
  };
}
