// Charge point list for the control room (all CPOs) and the CPO portal (the server returns only its own).
import { useMemo } from 'react';
import { Button, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTRPC } from '../../api/trpc.js';
import { withLive } from '../../live/live-summary-of.js';
import { useLiveFeed } from '../../live/use-live-feed.js';
import type { ChargePointRow } from '../../api/types.js';
import { PageLoader } from '../../components/page-loader.js';
import { QueryErrorPage } from '../errors/query-error-page.js';
import { ChargePointFilterBar } from './charge-point-filter-bar.js';
import {
  filterChargePoints,
  hasAnyFilter,
  readFilters,
  readSort,
  writeParam,
  writeSort,
} from './charge-point-filters.js';
import { ChargePointTable } from './charge-point-table.js';
import { CAPABILITY_LEGEND } from './charge-point-columns.js';
import { usePageTitle } from '../../components/use-page-title.js';

interface ChargePointsPageProps {
  /** Where detail links point: '/charge-points' or '/portal/charge-points'. */
  basePath: string;
  /** The control room shows every CPO and can filter by CPO; the portal shows only its own. */
  scope: Scope;
}

type Scope = 'dso' | 'cpo';

function cpoOptions(items: readonly ChargePointRow[]) {
  const names = new Map(items.map((cp) => [cp.cpo.id, cp.cpo.name]));
  return [...names]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

function placeLabel(
  items: readonly ChargePointRow[],
  feederId: string | null,
  cpId: string | null,
): string | null {
  if (cpId)
    return `Connection point: ${items.find((c) => c.connectionPoint?.id === cpId)?.connectionPoint?.name ?? cpId}`;
  if (feederId) return `Feeder: ${items.find((c) => c.feeder?.id === feederId)?.feeder?.name ?? feederId}`;
  return null;
}

function PageHeading({ scope, shown, total }: { scope: Scope; shown: number; total: number }) {
  return (
    <Group justify="space-between" align="flex-end">
      <div>
        <Title order={1} size="h2">
          Charge points
        </Title>
        <Text c="dimmed" size="sm">
          {scope === 'cpo'
            ? 'Your charge points as the DSO knows them. Read-only.'
            : 'Every charge point connected to this grid.'}
        </Text>
      </div>
      <Text size="sm" c="dimmed" data-testid="charge-point-count" aria-live="polite">
        {shown === total ? `${total} charge points` : `${shown} of ${total} charge points`}
      </Text>
    </Group>
  );
}

function NoChargePoints({ scope }: { scope: Scope }) {
  return (
    <EmptyState
      mt="lg"
      title="No charge points yet"
      description={
        scope === 'cpo'
          ? 'Charge points registered by your organisation appear here once the DSO has them on record.'
          : 'Charge points appear here once they are registered and placed on a connection point.'
      }
    />
  );
}

function NoMatches({ onClear }: { onClear: () => void }) {
  return (
    <EmptyState
      mt="lg"
      title="No charge points match these filters"
      description="Change the search or clear the filters to see the full list."
      data-testid="no-matches"
    >
      <Button variant="light" onClick={onClear}>
        Clear filters
      </Button>
    </EmptyState>
  );
}

function Legend({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  return (
    <Group justify="space-between">
      <Text size="xs" c="dimmed">
        Now: active power in kW (import positive), or offline / no data. Capabilities — {CAPABILITY_LEGEND}.
      </Text>
      {filtered && (
        <Button variant="subtle" size="xs" onClick={onClear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}

export function ChargePointsPage({ basePath, scope }: ChargePointsPageProps) {
  usePageTitle('Charge points');
  const trpc = useTRPC();
  // the list itself (new, approved, moved charge points) is fetched on entering; values come live
  const list = useQuery(trpc.chargePoints.list.queryOptions({}, { refetchOnMount: 'always' }));
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const listed = useMemo(() => list.data?.items ?? [], [list.data]);
  // Live over the WebSocket: the rows the filters leave (at most 500 per subscription).
  const liveIds = useMemo(() => filterChargePoints(listed, filters).map((cp) => cp.id), [listed, filters]);
  const { live } = useLiveFeed({ chargePointIds: liveIds });
  const items = useMemo(() => withLive(listed, live.chargePoints), [listed, live.chargePoints]);
  const rows = useMemo(() => filterChargePoints(items, filters), [items, filters]);
  const cpos = useMemo(() => cpoOptions(items), [items]);

  if (list.isPending) return <PageLoader label="Loading charge points" />;
  if (list.isError) return <QueryErrorPage error={list.error} onRetry={() => void list.refetch()} />;

  const set = (next: URLSearchParams) => setParams(next, { replace: true });
  const sortParam = params.get('sort');
  const clearAll = () => set(new URLSearchParams(sortParam ? { sort: sortParam } : {}));
  return (
    <Stack gap="sm">
      <PageHeading scope={scope} shown={rows.length} total={items.length} />
      <ChargePointFilterBar
        filters={filters}
        cpoOptions={scope === 'dso' ? cpos : null}
        placeLabel={placeLabel(items, filters.feederId, filters.connectionPointId)}
        onChange={(name, value) => set(writeParam(params, name, value))}
        onClearPlace={() => set(writeParam(writeParam(params, 'feeder', null), 'cp', null))}
      />
      {items.length === 0 ? (
        <NoChargePoints scope={scope} />
      ) : rows.length === 0 ? (
        <NoMatches onClear={clearAll} />
      ) : (
        <>
          <ChargePointTable
            rows={rows}
            basePath={basePath}
            showCpo={scope === 'dso'}
            sort={readSort(params)}
            onSortChange={(s) => set(writeSort(params, s))}
          />
          <Legend filtered={hasAnyFilter(filters)} onClear={clearAll} />
        </>
      )}
    </Stack>
  );
}
