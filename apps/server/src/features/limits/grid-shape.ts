// The part of the grid tree (features/grid/grid.service.ts: substation → transformer → feeder →
// connection point) that limit rules need: parent links and capacities, and where each charge
// point hangs.
import type { GridTreeNode } from '../grid/grid.service.js';
import type { ChargePointRating } from './limit-schedule.js';

export type CapacityNode = Pick<GridTreeNode, 'id' | 'kind' | 'name' | 'parentId' | 'capacityW'>;

export interface GridShape {
  nodes: readonly CapacityNode[];
  chargePoints: readonly ChargePointRating[];
}

/** The node and its ancestors, nearest first (bounded by the number of nodes: no cycles). */
export function ancestorsOf(grid: GridShape, nodeId: string | null): CapacityNode[] {
  const byId = new Map(grid.nodes.map((n) => [n.id, n]));
  const chain: CapacityNode[] = [];
  let node = nodeId ? byId.get(nodeId) : undefined;
  while (node && chain.length <= grid.nodes.length && !chain.includes(node)) {
    chain.push(node);
    node = node.parentId ? byId.get(node.parentId) : undefined;
  }
  return chain;
}

/** Charge points whose connection point lies in the subtree of `nodeId`. */
export function chargePointsUnder(grid: GridShape, nodeId: string): ChargePointRating[] {
  return grid.chargePoints.filter((cp) => ancestorsOf(grid, cp.connectionPointId).some((n) => n.id === nodeId));
}
