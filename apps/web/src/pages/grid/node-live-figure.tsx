// The "load now" card of a grid node: net import against capacity, headroom, and what the charge
// points below are doing. Coloured only when the node is near or over its capacity.
import { Card, Text } from '@mantine/core';
import type { GridAggregate } from '../../api/types.js';
import { formatPowerW } from '../../format/units.js';
import { LOAD_COLOUR, loadLevel } from './node-load.js';

export function NodeLiveFigure({ live }: { live: GridAggregate | null | undefined }) {
  if (!live) {
    return (
      <Card withBorder padding="sm" data-testid="node-live">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          Load now
        </Text>
        <Text size="xl" fw={700} c="dimmed">
          no data
        </Text>
        <Text size="xs" c="dimmed">
          No charge point below this node is reporting yet.
        </Text>
      </Card>
    );
  }
  const level = loadLevel(live);
  const colour = LOAD_COLOUR[level];
  const headroom =
    live.headroomW < 0
      ? `${formatPowerW(-live.headroomW)} over capacity`
      : `${formatPowerW(live.headroomW)} headroom`;
  return (
    <Card withBorder padding="sm" data-testid="node-live" data-level={level}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        Load now
      </Text>
      <Text size="xl" fw={700} className="tabular-nums" {...(colour ? { c: colour } : {})}>
        {formatPowerW(live.netW)}
      </Text>
      <Text size="xs" {...(colour ? { c: colour } : { c: 'dimmed' })}>
        {headroom} · {live.chargingCount} charging, {live.dischargingCount} discharging, {live.onlineCount} of{' '}
        {live.chargePointCount} online
      </Text>
    </Card>
  );
}
