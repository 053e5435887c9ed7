// The IED model at run time: lookup by object reference, FC-filtered reads, leaf updates with
// change detection (dchg / qchg / dupd) that the report engine listens to.
import type { Data, DataAttributeValue, FC, Quality, TimeStamp } from '../../pdu/index.js';
import { buildLogicalDevices } from './build.js';
import type { ModelJson } from './model-json.js';
import type { DaLeaf, DaNode, DataObject, DataSet, LogicalDevice, LogicalNode, ModelNode, ReportControlSpec } from './types.js';
import { sameData, timeStampOf } from './values.js';

export type ChangeKind = 'dchg' | 'qchg' | 'dupd';

export interface LeafChange {
  leaf: DaLeaf;
  kind: ChangeKind;
}

type Child = DaNode | DataObject;

function childrenOf(node: ModelNode): Child[] {
  if ('kind' in node) return node.kind === 'leaf' ? [] : node.children;
  return [...node.dataObjects.values()];
}

export class IedModel {
  readonly logicalDevices: Map<string, LogicalDevice>;
  private readonly nodes = new Map<string, ModelNode>();
  /** Leaf ref → the nearest data object holding it (its q and t live there). */
  private readonly owners = new Map<string, DataObject>();
  private readonly dataSets = new Map<string, DataSet>();
  private readonly rcbs = new Map<string, ReportControlSpec>();
  private readonly listeners = new Set<(changes: LeafChange[]) => void>();
  /** The device clock (ms since the epoch) for time stamps; replaceable for simulations. */
  now: () => number = Date.now;

  constructor(json: ModelJson) {
    this.logicalDevices = buildLogicalDevices(json);
    for (const ld of this.logicalDevices.values()) {
      for (const ln of ld.logicalNodes.values()) {
        this.nodes.set(ln.ref, ln);
        for (const ds of ln.dataSets.values()) this.dataSets.set(ds.ref, ds);
        for (const rcb of ln.reportControls.values()) this.rcbs.set(rcb.ref, rcb);
        for (const dobj of ln.dataObjects.values()) this.indexDo(dobj);
      }
    }
  }

  private indexDo(dobj: DataObject): void {
    this.nodes.set(dobj.ref, dobj);
    const walk = (node: Child): void => {
      this.nodes.set(node.ref, node);
      if (node.kind === 'do') return this.indexDo(node);
      if (node.kind === 'leaf') this.owners.set(node.ref, dobj);
      else node.children.forEach(walk);
    };
    dobj.children.forEach(walk);
  }

  find(ref: string): ModelNode | undefined {
    return this.nodes.get(ref);
  }

  logicalNode(ref: string): LogicalNode | undefined {
    const node = this.nodes.get(ref);
    return node && !('kind' in node) ? node : undefined;
  }

  dataSet(ref: string): DataSet | undefined {
    return this.dataSets.get(ref);
  }

  reportControl(ref: string): ReportControlSpec | undefined {
    return this.rcbs.get(ref);
  }

  allReportControls(): ReportControlSpec[] {
    return [...this.rcbs.values()];
  }

  /** The top-level data object of a reference (`LD/LN.DO...` → `LD/LN.DO`). */
  topDataObject(ref: string): DataObject | undefined {
    const slash = ref.indexOf('/');
    const parts = ref.slice(slash + 1).split('.');
    if (slash < 0 || parts.length < 2) return undefined;
    const node = this.nodes.get(`${ref.slice(0, slash)}/${parts[0] ?? ''}.${parts[1] ?? ''}`);
    return node && 'kind' in node && node.kind === 'do' ? node : undefined;
  }

  /** Every leaf under a node with the given FC (all FCs when omitted), in model order. */
  leaves(node: ModelNode, fc?: FC): DaLeaf[] {
    if ('kind' in node && node.kind === 'leaf') return fc === undefined || node.fc === fc ? [node] : [];
    return childrenOf(node).flatMap((c) => this.leaves(c, fc));
  }

  hasFc(node: ModelNode, fc: FC): boolean {
    return this.leaves(node, fc).length > 0;
  }

  /** The value of a node restricted to an FC: a leaf's Data, or a structure of the matching children. */
  valueOf(node: ModelNode, fc: FC, named = false): Data | undefined {
    if ('kind' in node && node.kind === 'leaf') return node.fc === fc ? node.value : undefined;
    const parts: Data[] = [];
    for (const child of childrenOf(node)) {
      const value = this.valueOf(child, fc, named);
      if (value !== undefined) parts.push(value);
    }
    if (parts.length === 0) return undefined;
    const name = 'name' in node ? node.name : undefined;
    return { structure: named && name !== undefined ? { name, data: parts } : { data: parts } };
  }

  /**
   * getDataValues semantics: the leaf itself, or one value per FC-matching child of a structure,
   * data object or logical node (the latter: every data object with that FC).
   */
  read(ref: string, fc: FC, includeNames: boolean): DataAttributeValue[] | undefined {
    const node = this.nodes.get(ref);
    if (!node) return undefined;
    if ('kind' in node && node.kind === 'leaf') {
      if (node.fc !== fc) return undefined;
      return [includeNames ? { name: node.name, data: node.value } : { data: node.value }];
    }
    const out: DataAttributeValue[] = [];
    for (const child of childrenOf(node)) {
      const data = this.valueOf(child, fc, includeNames);
      if (data !== undefined) out.push(includeNames ? { name: child.name, data } : { data });
    }
    return out.length > 0 ? out : undefined;
  }

  onChange(listener: (changes: LeafChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes leaves (already type-checked) and emits their changes; q/t untouched. */
  writeLeaves(writes: { leaf: DaLeaf; value: Data }[]): void {
    const changes: LeafChange[] = [];
    for (const { leaf, value } of writes) {
      const changed = !sameData(leaf.value, value);
      leaf.value = value;
      changes.push({ leaf, kind: changed ? 'dchg' : 'dupd' });
    }
    this.emit(changes);
  }

  /**
   * Device-side update of a value leaf with quality and time of its data object: value change →
   * dchg, quality change → qchg, neither → dupd. `t` defaults to now.
   */
  updateLeaf(leaf: DaLeaf, value: Data, q?: Quality, t?: TimeStamp): void {
    const owner = this.owners.get(leaf.ref);
    const qLeaf = owner?.children.find((c): c is DaLeaf => c.kind === 'leaf' && c.name === 'q' && c.fc === leaf.fc);
    const tLeaf = owner?.children.find((c): c is DaLeaf => c.kind === 'leaf' && c.name === 't' && c.fc === leaf.fc);
    const changes: LeafChange[] = [];
    const valueChanged = !sameData(leaf.value, value);
    leaf.value = value;
    if (qLeaf && q !== undefined && !sameData(qLeaf.value, { quality: q })) {
      qLeaf.value = { quality: q };
      changes.push({ leaf: qLeaf, kind: 'qchg' });
    }
    if (tLeaf) tLeaf.value = { timeStamp: t ?? timeStampOf(this.now()) };
    if (valueChanged) changes.unshift({ leaf, kind: 'dchg' });
    else if (changes.length === 0) changes.push({ leaf, kind: 'dupd' });
    this.emit(changes);
  }

  private emit(changes: LeafChange[]): void {
    if (changes.length === 0) return;
    for (const listener of this.listeners) listener(changes);
  }
}
