// A grid node's live load against its capacity, for the tree table: net import, a bar, and what
// the charge points below are doing. Colour only when the node is near or over its capacity.
import { Group, Progress, Text, Tooltip } from '@mantine/core';
import type { LiveAggregate } from '../../live/live-store.js';
import { formatPercent, formatPowerW } from '../../format/units.js';
import { LOAD_COLOUR, loadLevel } from './node-load.js';

export function LoadCell({ live }: { live: LiveAggregate | undefined }) {
  if (!live) {
    return (
      <Text size="sm" c="dimmed" ta="right">
        —
      </Text>
    );
  }
  const level = loadLevel(live);
  const colour = LOAD_COLOUR[level];
  const share = live.capacityW > 0 ? live.netW / live.capacityW : Number.NaN;
  const offline = live.chargePointCount - live.onlineCount;
  const detail = `${live.chargingCount} charging, ${live.dischargingCount} discharging, ${offline} offline · headroom ${formatPowerW(live.headroomW)}`;
  return (
    <Tooltip label={detail} withArrow>
      <Group gap="xs" wrap="nowrap" justify="flex-end" data-testid="node-load" data-level={level}>
        <Text size="sm" className="tabular-nums" ta="right" miw={72} fw={colour ? 700 : 400} {...(colour ? { c: colour } : {})}>
          {formatPowerW(live.netW)}
        </Text>
        <Progress
          value={Number.isFinite(share) ? Math.max(0, Math.min(share * 100, 100)) : 0}
          color={colour ?? 'var(--mantine-color-dimmed)'}
          w={80}
          size="sm"
          aria-label={`Load ${formatPercent(share)} of capacity`}
        />
        <Text size="xs" c={colour ?? 'dimmed'} w={44} ta="right">
          {formatPercent(share)}
        </Text>
      </Group>
    </Tooltip>
  );
}
