// The "load now" card of a grid node: net import against capacity, headroom, and what the charge
// points below are doing. Coloured only when the node is near or over its capacity.
import type { GridAggregate } from '../../api/types.js';
import { FigureCard } from '../../components/figure-card.js';
import { formatPowerW } from '../../format/units.js';
import { LOAD_COLOUR, loadLevel } from './node-load.js';

export function NodeLiveFigure({ live }: { live: GridAggregate | null | undefined }) {
  if (!live) {
    return (
      <FigureCard label="Load now" value="no data" colour="dimmed" testId="node-live" detail="No charge point below this node is reporting yet." />
    );
  }
  const level = loadLevel(live);
  const headroom =
    live.headroomW < 0
      ? `${formatPowerW(-live.headroomW)} over capacity`
      : `${formatPowerW(live.headroomW)} headroom`;
  return (
    <FigureCard
      label="Load now"
      value={formatPowerW(live.netW)}
      colour={LOAD_COLOUR[level]}
      testId="node-live"
      level={level}
      detail={`${headroom} · ${live.chargingCount} charging, ${live.dischargingCount} discharging, ${live.onlineCount} of ${live.chargePointCount} online`}
    />
  );
}
