// Grid overview: totals, then the tree substation → transformer → feeder → connection point.
import { useMemo, useState } from 'react';
import { Button, Card, EmptyState, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.js';
import { FigureCard } from '../../components/figure-card.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatPowerW, plural } from '../../format/units.js';
import { QueryErrorPage } from '../errors/query-error-page.js';
import { buildGridTree, summariseGrid, visibleRows, type GridSummary } from './grid-tree.js';
import { GridTreeTable } from './grid-tree-table.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useLiveFeed } from '../../live/use-live-feed.js';
import { gridLive, liveNodeIds } from './grid-live.js';
import { GridLiveCards } from './grid-live-cards.js';


function SummaryCards({ summary }: { summary: GridSummary }) {
  const { counts } = summary;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" data-testid="grid-summary">
      <FigureCard
        label="Capacity"
        value={formatPowerW(summary.capacityW)}
        detail={plural(counts.substation, 'substation')}
      />
      <FigureCard
        label="Connected rating"
        value={formatPowerW(summary.ratedImportW)}
        detail="sum of charge point import ratings"
      />
      <FigureCard
        label="Charge points"
        value={String(summary.chargePointCount)}
        detail={plural(counts.connectionPoint, 'connection point')}
      />
      <FigureCard
        label="Network"
        value={`${counts.transformer} / ${counts.feeder}`}
        detail={`${plural(counts.transformer, 'transformer')}, ${plural(counts.feeder, 'feeder')}`}
      />
    </SimpleGrid>
  );
}

export function GridPage() {
  usePageTitle('Grid');
  const trpc = useTRPC();
  const tree = useQuery(trpc.grid.tree.queryOptions());
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const roots = useMemo(() => buildGridTree(tree.data?.nodes ?? []), [tree.data]);
  const rows = useMemo(() => visibleRows(roots, (id) => !collapsed.has(id)), [roots, collapsed]);
  const nodeIds = useMemo(() => liveNodeIds(tree.data?.nodes ?? []), [tree.data]);
  const list = useQuery(trpc.chargePoints.list.queryOptions({}));
  // a sample of charge points for the frequency (aggregates carry no frequency)
  const sampleIds = useMemo(() => (list.data?.items ?? []).slice(0, 50).map((cp) => cp.id), [list.data]);
  const { live } = useLiveFeed({ chargePointIds: sampleIds, gridNodeIds: nodeIds, minIntervalMs: 2_000 });
  const liveFigures = useMemo(
    () => gridLive(roots.map((r) => r.node.id), live.nodes, live.chargePoints),
    [roots, live],
  );

  if (tree.isPending) return <PageLoader label="Loading the grid" />;
  if (tree.isError) return <QueryErrorPage error={tree.error} onRetry={() => void tree.refetch()} />;
  const { nodes } = tree.data;

  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const collapseFeeders = () =>
    setCollapsed(new Set(nodes.filter((n) => n.kind === 'feeder').map((n) => n.id)));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Grid
          </Title>
          <Text c="dimmed" size="sm">
            Each node's live load against its capacity, and the charge points connected below it.
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => setCollapsed(new Set())}>
            Expand all
          </Button>
          <Button variant="default" size="xs" onClick={collapseFeeders}>
            Collapse feeders
          </Button>
        </Group>
      </Group>
      {nodes.length === 0 ? (
        <EmptyState
          title="No grid model yet"
          description="The grid tree appears here once substations, transformers, feeders and connection points are set up."
        />
      ) : (
        <>
          <GridLiveCards live={liveFigures} />
          <SummaryCards summary={summariseGrid(nodes, roots)} />
          <Card withBorder padding={0}>
            <GridTreeTable rows={rows} isExpanded={(id) => !collapsed.has(id)} onToggle={toggle} live={live.nodes} />
          </Card>
        </>
      )}
    </Stack>
  );
}
