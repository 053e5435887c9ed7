// The live part of the charge point page: now-line, measurement charts (live or a history range,
// kept in the URL: ?range=1h or ?from=…&to=… after a zoom), EVSEs, current values, events.
import { useMemo, useState } from 'react';
import { Card, SimpleGrid, Stack, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { ChargePointDetail } from '../../api/types.js';
import { MeasurementCharts, RANGE_MS } from '../../charts/measurement-charts.js';
import { useCpSeries, type ChartView } from '../../charts/use-cp-series.js';
import { LIVE_WINDOW_MS } from '../../charts/series-buffer.js';
import type { LiveMessage } from '../../live/live-store.js';
import { summaryOfLive } from '../../live/live-summary-of.js';
import { useLiveFeed, useNow } from '../../live/use-live-feed.js';
import { CurrentValues } from './current-values.js';
import { EventsTimeline } from './events-timeline.js';
import { EvseLiveTable } from './evse-live-table.js';
import { LiveLine } from './live-status.js';
import { summaryOfDetail } from './live-summary.js';

function readView(params: URLSearchParams, nowMs: number): { view: ChartView; range: string; zoomed: boolean } {
  const from = Number(params.get('from'));
  const to = Number(params.get('to'));
  if (from > 0 && to > from) return { view: { kind: 'range', fromMs: from, toMs: to }, range: params.get('range') ?? 'live', zoomed: true };
  const range = params.get('range') ?? 'live';
  const span = RANGE_MS[range];
  if (!span) return { view: { kind: 'live' }, range: 'live', zoomed: false };
  const toMs = Math.ceil(nowMs / 60_000) * 60_000;
  return { view: { kind: 'range', fromMs: toMs - span, toMs }, range, zoomed: false };
}

/** Whether a message should refresh the events timeline (status or link changes). */
const touchesEvents = (msg: LiveMessage, id: string) =>
  msg.online.some((o) => o.chargePointId === id) || msg.samples.some((s) => s.chargePointId === id && (s.measurand === 'evseStatus' || s.late));

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

export function ChargePointLive({ cp }: { cp: ChargePointDetail }) {
  const [params, setParams] = useSearchParams();
  const [openedAt] = useState(() => Date.now());
  const { view, range, zoomed } = useMemo(() => readView(params, openedAt), [params, openedAt]);
  const nowMs = useNow();
  const [online, setOnline] = useState(false);
  const chart = useCpSeries(cp.id, view, nowMs, online);
  const [eventsRevision, setEventsRevision] = useState(0);
  const ids = useMemo(() => [cp.id], [cp.id]);
  const { live } = useLiveFeed({ chargePointIds: ids }, (msg) => {
    chart.onMessage(msg);
    const change = msg.online.find((o) => o.chargePointId === cp.id);
    if (change) setOnline(change.online);
    if (touchesEvents(msg, cp.id)) setEventsRevision((r) => r + 1);
  });
  const liveCp = live.chargePoints.get(cp.id);
  const summary = summaryOfLive(liveCp, summaryOfDetail(cp.live));
  const domain: [number, number] = view.kind === 'live' ? [nowMs - LIVE_WINDOW_MS, nowMs] : [view.fromMs, view.toMs];
  const setRange = (next: string) => setParams(next === 'live' ? {} : { range: next }, { replace: true });
  const zoom = (fromMs: number, toMs: number) =>
    setParams({ range, from: String(Math.round(fromMs)), to: String(Math.round(toMs)) }, { replace: false });
  const note =
    view.kind === 'live'
      ? 'Last 15 minutes: stored values, then live as they arrive.'
      : `History${chart.resolution ? ` (${chart.resolution === 'raw' ? 'raw values' : `${chart.resolution} averages`})` : ''}.`;
  return (
    <Stack gap="md">
      <LiveLine live={summary} />
      <MeasurementCharts series={chart.series} range={range} onRange={setRange} onZoom={zoom} zoomed={zoomed} domain={domain} note={note} />
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
        <Panel title="EVSEs">
          <EvseLiveTable evses={cp.evses} cp={liveCp} nowMs={nowMs} />
        </Panel>
        <Panel title="Meter registers and values">
          <CurrentValues cp={liveCp} nowMs={nowMs} />
        </Panel>
      </SimpleGrid>
      <Panel title="Events">
        <EventsTimeline chargePointId={cp.id} accessPointId={cp.accessPointId} revision={eventsRevision} />
      </Panel>
    </Stack>
  );
}
