// One grid node: where it sits in the tree, its capacity against the connected rating, the nodes
// directly below it and every charge point in its subtree.
import { useMemo, useState } from 'react';
import { Anchor, Badge, Breadcrumbs, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTRPC } from '../../api/trpc.js';
import { NodePowerChart } from '../../charts/node-power-chart.js';
import { useStackedPower } from '../../charts/use-stacked-power.js';
import { withLive } from '../../live/live-summary-of.js';
import { useLiveFeed } from '../../live/use-live-feed.js';
import { FigureCard } from '../../components/figure-card.js';
import { PageLoader } from '../../components/page-loader.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { formatPercent, formatPowerW, plural } from '../../format/units.js';
import { ChargePointTable } from '../charge-points/charge-point-table.js';
import type { SortSpec } from '../charge-points/charge-point-filters.js';
import { NotFoundPage } from '../errors/not-found-page.js';
import { QueryErrorPage } from '../errors/query-error-page.js';
import { buildGridTree, connectionPointIds, KIND_LABEL, pathTo, type GridTreeNode } from './grid-tree.js';
import { GridTreeTable } from './grid-tree-table.js';
import { NodeLiveFigure } from './node-live-figure.js';

const DEFAULT_SORT: SortSpec = { id: 'id', desc: false };


function NodeHeader({ path }: { path: GridTreeNode[] }) {
  const entry = path.at(-1);
  if (!entry) return null;
  return (
    <div>
      <Breadcrumbs separator="›" fz="sm">
        <Anchor component={Link} to="/grid" size="sm">
          Grid
        </Anchor>
        {path.slice(0, -1).map((p) => (
          <Anchor
            key={p.node.id}
            component={Link}
            to={`/grid/nodes/${encodeURIComponent(p.node.id)}`}
            size="sm"
          >
            {p.node.name}
          </Anchor>
        ))}
      </Breadcrumbs>
      <Group gap="sm" mt={4}>
        <Title order={1} size="h2" data-testid="grid-node-name">
          {entry.node.name}
        </Title>
        <Badge variant="light" color="gray">
          {KIND_LABEL[entry.node.kind]}
        </Badge>
      </Group>
    </div>
  );
}

export function GridNodePage() {
  const trpc = useTRPC();
  const nodeId = useParams().nodeId ?? '';
  const tree = useQuery(trpc.grid.tree.queryOptions());
  const list = useQuery(trpc.chargePoints.list.queryOptions({}));
  const detail = useQuery(trpc.grid.node.queryOptions({ id: nodeId }));
  const [sort, setSort] = useState<SortSpec>(DEFAULT_SORT);
  const path = useMemo(() => pathTo(buildGridTree(tree.data?.nodes ?? []), nodeId), [tree.data, nodeId]);
  const entry = path.at(-1);
  const chargePoints = useMemo(() => {
    if (!entry || !list.data) return [];
    const ids = connectionPointIds(entry);
    return list.data.items.filter((cp) => cp.connectionPoint && ids.has(cp.connectionPoint.id));
  }, [entry, list.data]);
  usePageTitle(entry?.node.name ?? 'Grid node');
  const ids = useMemo(() => chargePoints.map((cp) => cp.id), [chargePoints]);
  const stacked = useStackedPower(ids);
  const nodeIds = useMemo(() => (entry ? [entry.node.id, ...entry.children.map((c) => c.node.id)] : []), [entry]);
  const { live } = useLiveFeed({ chargePointIds: ids, gridNodeIds: nodeIds }, stacked.onMessage);
  const rows = useMemo(() => withLive(chargePoints, live.chargePoints), [chargePoints, live.chargePoints]);
  const aggregate = live.nodes.get(nodeId) ?? detail.data?.node.live;

  if (tree.isPending) return <PageLoader label="Loading the grid" />;
  if (tree.isError) return <QueryErrorPage error={tree.error} onRetry={() => void tree.refetch()} />;
  if (!entry) {
    return (
      <NotFoundPage
        title="Grid node not found"
        message={`There is no substation, transformer, feeder or connection point with the ID “${nodeId}”.`}
        backTo="/grid"
        backLabel="Back to the grid"
      />
    );
  }
  const { node } = entry;
  return (
    <Stack gap="md">
      <NodeHeader path={path} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <NodeLiveFigure live={aggregate} />
        <FigureCard label="Capacity" value={formatPowerW(node.capacityW)} detail="what this node may carry" />
        <FigureCard
          label="Connected rating"
          value={formatPowerW(node.ratedImportW)}
          detail={`${formatPercent(node.capacityW > 0 ? node.ratedImportW / node.capacityW : Number.NaN)} of capacity if all charged at full power`}
        />
        <FigureCard
          label="Charge points"
          value={String(node.chargePointCount)}
          detail={
            entry.children.length
              ? plural(entry.children.length, 'node') + ' directly below'
              : 'connected here'
          }
        />
      </SimpleGrid>
      <NodePowerChart points={stacked.points} series={stacked.series} capacityKw={node.capacityW / 1000} />
      {entry.children.length > 0 && (
        <Card withBorder padding={0}>
          <GridTreeTable rows={entry.children} isExpanded={() => false} onToggle={() => undefined} flat live={live.nodes} />
        </Card>
      )}
      <Title order={2} size="h4">
        Charge points below this node
      </Title>
      {list.isPending ? (
        <PageLoader label="Loading charge points" />
      ) : list.isError ? (
        <QueryErrorPage error={list.error} onRetry={() => void list.refetch()} />
      ) : chargePoints.length === 0 ? (
        <Text c="dimmed" size="sm">
          No charge points are connected below this node.
        </Text>
      ) : (
        <ChargePointTable
          rows={rows}
          basePath="/charge-points"
          showCpo
          sort={sort}
          onSortChange={(next) => setSort(next ?? DEFAULT_SORT)}
          height={`${Math.min(chargePoints.length, 10) * 41 + 48}px`}
        />
      )}
    </Stack>
  );
}
