// Turns the flat node list from grid.tree into a tree (substation → transformer → feeder → connection point).
import type { GridNode, GridNodeKind } from '../../api/types.js';

export interface GridTreeNode {
  node: GridNode;
  depth: number;
  children: GridTreeNode[];
}

export const KIND_ORDER: Record<GridNodeKind, number> = {
  substation: 0,
  transformer: 1,
  feeder: 2,
  connectionPoint: 3,
};

export const KIND_LABEL: Record<GridNodeKind, string> = {
  substation: 'Substation',
  transformer: 'Transformer',
  feeder: 'Feeder',
  connectionPoint: 'Connection point',
};

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compareNodes(a: GridTreeNode, b: GridTreeNode): number {
  return KIND_ORDER[a.node.kind] - KIND_ORDER[b.node.kind] || byName.compare(a.node.name, b.node.name);
}

/** Builds the tree; a node whose parent is missing is shown as a root rather than hidden. */
export function buildGridTree(nodes: readonly GridNode[]): GridTreeNode[] {
  const byId = new Map<string, GridTreeNode>();
  for (const node of nodes) byId.set(node.id, { node, depth: 0, children: [] });
  const roots: GridTreeNode[] = [];
  for (const entry of byId.values()) {
    const parent = entry.node.parentId === null ? undefined : byId.get(entry.node.parentId);
    if (parent && parent !== entry) parent.children.push(entry);
    else roots.push(entry);
  }
  const setDepth = (list: GridTreeNode[], depth: number, seen: Set<GridTreeNode>): void => {
    list.sort(compareNodes);
    for (const entry of list) {
      if (seen.has(entry)) continue;
      seen.add(entry);
      entry.depth = depth;
      setDepth(entry.children, depth + 1, seen);
    }
  };
  setDepth(roots, 0, new Set());
  return roots;
}

/** The rows to show, depth first, skipping the children of collapsed nodes. */
export function visibleRows(
  roots: readonly GridTreeNode[],
  isExpanded: (id: string) => boolean,
): GridTreeNode[] {
  const rows: GridTreeNode[] = [];
  const walk = (list: readonly GridTreeNode[]): void => {
    for (const entry of list) {
      rows.push(entry);
      if (entry.children.length > 0 && isExpanded(entry.node.id)) walk(entry.children);
    }
  };
  walk(roots);
  return rows;
}

export interface GridSummary {
  capacityW: number;
  ratedImportW: number;
  chargePointCount: number;
  counts: Record<GridNodeKind, number>;
}

/** Totals over the root nodes (their subtree sums already include everything below). */
export function summariseGrid(nodes: readonly GridNode[], roots: readonly GridTreeNode[]): GridSummary {
  const counts: Record<GridNodeKind, number> = {
    substation: 0,
    transformer: 0,
    feeder: 0,
    connectionPoint: 0,
  };
  for (const node of nodes) counts[node.kind] += 1;
  return {
    capacityW: roots.reduce((sum, r) => sum + r.node.capacityW, 0),
    ratedImportW: roots.reduce((sum, r) => sum + r.node.ratedImportW, 0),
    chargePointCount: roots.reduce((sum, r) => sum + r.node.chargePointCount, 0),
    counts,
  };
}

/** The chain from a root down to the node with `id` (inclusive), or [] when it is not in the tree. */
export function pathTo(roots: readonly GridTreeNode[], id: string): GridTreeNode[] {
  for (const root of roots) {
    if (root.node.id === id) return [root];
    const below = pathTo(root.children, id);
    if (below.length > 0) return [root, ...below];
  }
  return [];
}

/** Ids of every connection point in the subtree of `entry` (itself included when it is one). */
export function connectionPointIds(entry: GridTreeNode): Set<string> {
  const ids = new Set<string>();
  const walk = (e: GridTreeNode): void => {
    if (e.node.kind === 'connectionPoint') ids.add(e.node.id);
    e.children.forEach(walk);
  };
  walk(entry);
  return ids;
}
