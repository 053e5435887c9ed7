// The grid tree (substation → transformer → feeder → connection point) with, per node, the
// number of approved charge points and the sum of their import ratings in its subtree.
import type { Db } from '../../db/client.js';
import * as repo from './grid.repository.js';
import { DomainError } from '../../errors.js';
import { computeAggregates, contributionOf, type Aggregate } from '../../live/aggregates.js';
import type { StateStore } from '../../live/state-store.js';

export const GRID_NODE_KINDS = ['substation', 'transformer', 'feeder', 'connectionPoint'] as const;
export type GridNodeKind = (typeof GRID_NODE_KINDS)[number];

export interface GridTreeNode {
  id: string;
  kind: GridNodeKind;
  name: string;
  parentId: string | null;
  capacityW: number;
  chargePointCount: number;
  ratedImportW: number;
}

const kindOrder = new Map(GRID_NODE_KINDS.map((k, i) => [k, i]));

export async function getGridTree(db: Db): Promise<{ nodes: GridTreeNode[] }> {
  const [rows, ratings] = await Promise.all([repo.listGridNodes(db), repo.listChargePointRatings(db)]);
  const nodes = new Map<string, GridTreeNode>();
  for (const r of rows) {
    nodes.set(r.id, { ...r, kind: r.kind as GridNodeKind, chargePointCount: 0, ratedImportW: 0 });
  }
  for (const cp of ratings) {
    // walk up from the connection point, adding to every ancestor (bounded by the tree's depth)
    let node = cp.connectionPointId ? nodes.get(cp.connectionPointId) : undefined;
    for (let depth = 0; node && depth < GRID_NODE_KINDS.length; depth++) {
      node.chargePointCount += 1;
      node.ratedImportW += cp.maxImportW;
      node = node.parentId ? nodes.get(node.parentId) : undefined;
    }
  }
  const list = [...nodes.values()].sort(
    (a, b) => (kindOrder.get(a.kind) ?? 9) - (kindOrder.get(b.kind) ?? 9) || a.name.localeCompare(b.name, 'en', { numeric: true }),
  );
  return { nodes: list };
}

/**
 * One grid node with its parent, children and live aggregates (import/export totals, charging and
 * discharging counts, headroom); a connection point also lists its charge points with their own
 * contribution.
 */
export async function getGridNode(db: Db, state: StateStore | undefined, id: string) {
  const [rows, placements] = await Promise.all([repo.listGridNodes(db), repo.listApprovedPlacements(db)]);
  const node = rows.find((r) => r.id === id);
  if (!node) throw new DomainError('not_found', `There is no grid node with id ${id}.`);
  const aggregates = state ? computeAggregates(rows, placements, state) : new Map<string, Aggregate>();
  const view = (r: (typeof rows)[number]) => ({ ...r, kind: r.kind as GridNodeKind, live: aggregates.get(r.id) ?? null });
  const parent = node.parentId ? rows.find((r) => r.id === node.parentId) : undefined;
  const chargePoints =
    node.kind === 'connectionPoint'
      ? (await repo.chargePointsUnder(db, id)).map((cp) => ({ ...cp, live: state ? contributionOf(state, cp.id) : null }))
      : [];
  return {
    node: view(node),
    parent: parent ? view(parent) : null,
    children: rows.filter((r) => r.parentId === id).map(view),
    chargePoints,
  };
}
