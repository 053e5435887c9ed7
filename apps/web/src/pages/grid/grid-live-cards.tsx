// The live row of the grid overview: load against capacity, charge point activity, frequency.
// Colour only where attention is needed (near/over capacity, charge points offline).
import { SimpleGrid, Text } from '@mantine/core';
import { FigureCard } from '../../components/figure-card.js';
import { formatPercent, formatPowerW } from '../../format/units.js';
import type { GridLive } from './grid-live.js';
import { LOAD_COLOUR, loadLevel } from './node-load.js';


export function GridLiveCards({ live }: { live: GridLive | null }) {
  if (!live) {
    return (
      <Text size="sm" c="dimmed" data-testid="grid-live-waiting">
        Waiting for live values…
      </Text>
    );
  }
  const colour = LOAD_COLOUR[loadLevel(live)];
  const offline = live.chargePoints - live.online;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" data-testid="grid-live">
      <FigureCard
        testId="grid-load"
        label="Load now"
        value={formatPowerW(live.netW)}
        detail={`${formatPercent(live.capacityW > 0 ? live.netW / live.capacityW : Number.NaN)} of capacity · headroom ${formatPowerW(live.headroomW)}${offline > 0 && live.netW !== 0 ? ` · includes the last values of ${offline} offline` : ''}`}
        colour={colour ?? (live.online === 0 ? 'dimmed' : undefined)}
      />
      <FigureCard
        testId="grid-charging"
        label="Charging"
        value={String(live.charging)}
        detail={offline > 0 && live.charging > 0 ? 'EVSEs importing (offline ones as last reported)' : 'EVSEs importing now'}
      />
      <FigureCard
        testId="grid-discharging-offline"
        label="Discharging / offline"
        value={`${live.discharging} / ${offline}`}
        detail={`${live.online} of ${live.chargePoints} charge points online`}
        colour={offline > 0 ? 'orange' : undefined}
      />
      <FigureCard
        testId="grid-frequency"
        label="Frequency"
        value={live.frequencyHz === null ? '—' : `${live.frequencyHz.toFixed(3)} Hz`}
        detail="median of the charge points reporting"
      />
    </SimpleGrid>
  );
}
