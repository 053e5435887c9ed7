// The charge point's events, newest first: status changes, setpoints, registrations, gaps, and the
// association up/down of its access point (stored without a charge point id, so fetched by kind and
// matched on the access point). Late data is labelled. Refreshed when the live feed shows a change.
import { Badge, Group, ScrollArea, Text, Timeline, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTRPC } from '../../api/trpc.js';
import type { RouterOutputs } from '../../api/types.js';
import { dayTime } from '../../charts/time-axis.js';

type EventRow = RouterOutputs['events']['list']['items'][number];

const KIND_LABEL: Record<string, string> = {
  evseStatus: 'status',
  status: 'status',
  setpoint: 'setpoint',
  functionState: 'function',
  associationUp: 'link up',
  associationDown: 'link down',
  gap: 'gap',
  registration: 'registration',
};
const ATTENTION = new Set(['associationDown', 'gap']);
const ASSOCIATION_KINDS = ['associationUp', 'associationDown'];
/** received this much after the device time stamp = delivered late */
const LATE_AFTER_MS = 10_000;

export function isLate(e: Pick<EventRow, 'atMs' | 'receivedAtMs' | 'details'>): boolean {
  return e.details.late === true || e.receivedAtMs - e.atMs > LATE_AFTER_MS;
}

export function mergeEvents(own: readonly EventRow[], links: readonly EventRow[], accessPointId: string, limit = 50): EventRow[] {
  const mine = links.filter((e) => e.accessPointId === accessPointId);
  return [...own, ...mine].sort((a, b) => b.atMs - a.atMs || b.id - a.id).slice(0, limit);
}

interface Props {
  chargePointId: string;
  accessPointId: string;
  /** changes when the live feed saw something the timeline should show (status, link) */
  revision: number;
}

export function EventsTimeline({ chargePointId, accessPointId, revision }: Props) {
  const trpc = useTRPC();
  const own = useQuery({ ...trpc.events.list.queryOptions({ chargePointId, limit: 50 }), staleTime: 0 });
  const links = useQuery({ ...trpc.events.list.queryOptions({ kinds: ASSOCIATION_KINDS, limit: 100 }), staleTime: 0 });
  const { refetch: refetchOwn } = own;
  const { refetch: refetchLinks } = links;
  useEffect(() => {
    if (revision > 0) {
      void refetchOwn().catch((e: unknown) => console.warn('events refetch failed', e));
      void refetchLinks().catch((e: unknown) => console.warn('events refetch failed', e));
    }
  }, [revision, refetchOwn, refetchLinks]);
  if (own.isPending) return <Text size="sm" c="dimmed">Loading events…</Text>;
  if (own.isError) return <Text size="sm" c="red">The events could not be loaded: {own.error.message}</Text>;
  const events = mergeEvents(own.data.items, links.data?.items ?? [], accessPointId);
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No events yet for this charge point.
      </Text>
    );
  }
  return (
    <ScrollArea.Autosize mah={420} type="auto">
    <Timeline bulletSize={12} lineWidth={2} data-testid="events-timeline">
      {events.map((e) => (
        <Timeline.Item
          key={e.id}
          color={ATTENTION.has(e.kind) ? 'orange' : 'gray'}
          title={
            <Group gap={6}>
              <Badge size="xs" variant="light" color={ATTENTION.has(e.kind) ? 'orange' : 'gray'}>
                {KIND_LABEL[e.kind] ?? e.kind}
              </Badge>
              <Text size="sm">{e.message}</Text>
              {isLate(e) && (
                <Tooltip label={`Late data: happened ${dayTime(e.atMs)}, received ${dayTime(e.receivedAtMs)}`}>
                  <Badge size="xs" variant="outline" color="blue" data-testid="event-late" tabIndex={0}>
                    late
                  </Badge>
                </Tooltip>
              )}
            </Group>
          }
        >
          <Text size="xs" c="dimmed" className="tabular-nums">
            {dayTime(e.atMs)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
    </ScrollArea.Autosize>
  );
}
