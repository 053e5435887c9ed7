import { describe, expect, it } from 'vitest';
import type { GridNode } from '../src/api/types.js';
import {
  buildGridTree,
  connectionPointIds,
  pathTo,
  summariseGrid,
  visibleRows,
} from '../src/pages/grid/grid-tree.js';

const node = (id: string, kind: GridNode['kind'], parentId: string | null, name = id): GridNode => ({
  id,
  kind,
  name,
  parentId,
  capacityW: 1_000,
  chargePointCount: kind === 'substation' ? 3 : 1,
  ratedImportW: 11_000,
});

const nodes: GridNode[] = [
  node('cp-10', 'connectionPoint', 'f-1', 'CP 10'),
  node('cp-2', 'connectionPoint', 'f-1', 'CP 2'),
  node('f-1', 'feeder', 't-1'),
  node('t-1', 'transformer', 's-1'),
  node('s-1', 'substation', null),
];

describe('buildGridTree', () => {
  it('nests nodes under their parents with depths, names in natural order', () => {
    const [root] = buildGridTree(nodes);
    expect(root?.node.id).toBe('s-1');
    const feeder = root?.children[0]?.children[0];
    expect(feeder?.depth).toBe(2);
    expect(feeder?.children.map((c) => c.node.name)).toEqual(['CP 2', 'CP 10']);
  });

  it('shows an orphan as a root instead of hiding it', () => {
    const roots = buildGridTree([...nodes, node('cp-x', 'connectionPoint', 'missing')]);
    expect(roots.map((r) => r.node.id)).toEqual(['s-1', 'cp-x']);
  });

  it('lists visible rows depth first, skipping collapsed subtrees', () => {
    const roots = buildGridTree(nodes);
    expect(visibleRows(roots, () => true).map((r) => r.node.id)).toEqual([
      's-1',
      't-1',
      'f-1',
      'cp-2',
      'cp-10',
    ]);
    expect(visibleRows(roots, (id) => id !== 'f-1').map((r) => r.node.id)).toEqual(['s-1', 't-1', 'f-1']);
  });

  it('summarises counts per level and totals from the roots', () => {
    const summary = summariseGrid(nodes, buildGridTree(nodes));
    expect(summary.counts).toEqual({ substation: 1, transformer: 1, feeder: 1, connectionPoint: 2 });
    expect(summary.chargePointCount).toBe(3);
  });
});

describe('pathTo and connectionPointIds', () => {
  it('finds the chain from the root to a node', () => {
    const roots = buildGridTree(nodes);
    expect(pathTo(roots, 'cp-10').map((e) => e.node.id)).toEqual(['s-1', 't-1', 'f-1', 'cp-10']);
    expect(pathTo(roots, 'nope')).toEqual([]);
  });

  it('collects the connection points below a node', () => {
    const [root] = buildGridTree(nodes);
    if (!root) throw new Error('no root');
    expect([...connectionPointIds(root)].sort()).toEqual(['cp-10', 'cp-2']);
    const cp = pathTo([root], 'cp-2').at(-1);
    if (!cp) throw new Error('no cp');
    expect([...connectionPointIds(cp)]).toEqual(['cp-2']);
  });
});
