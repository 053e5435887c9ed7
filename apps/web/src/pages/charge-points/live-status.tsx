// What a charge point is doing now, from the server's live state: power, or why there is none.
// Colour only where attention is needed (offline); a questionable value is greyed with the reason.
import { Badge, Group, Text } from '@mantine/core';
import { lastSeenText, type LiveSummary } from './live-summary.js';
import { formatKw } from '../../format/units.js';

export function LiveNow({ live }: { live: LiveSummary }) {
  if (!live) {
    return (
      <Text size="sm" ta="right" c="dimmed" title="No measurement has arrived from this charge point yet">
        no data
      </Text>
    );
  }
  if (!live.online) {
    return (
      <Group justify="flex-end">
        <Badge size="sm" variant="light" color="orange" title={`Offline — ${lastSeenText(live)}`}>
          offline
        </Badge>
      </Group>
    );
  }
  if (live.activePowerW === null) {
    return (
      <Text size="sm" ta="right" c="dimmed" title="Online, but no power value received yet">
        online
      </Text>
    );
  }
  return (
    <Text
      size="sm"
      ta="right"
      className="tabular-nums"
      c={live.questionable ? 'dimmed' : 'inherit'}
      title={
        live.questionable
          ? 'Questionable quality: the device flags this value as not fully valid'
          : lastSeenText(live)
      }
    >
      {formatKw(live.activePowerW)}
    </Text>
  );
}

/** One line for the detail page header: power now, each EVSE's status, and when it was last heard. */
export function LiveLine({ live }: { live: LiveSummary }) {
  if (!live) {
    return (
      <Text size="sm" c="dimmed" data-testid="live-line">
        Now: no measurement has arrived from this charge point yet.
      </Text>
    );
  }
  const evses = live.evses.map(
    (e) => `EVSE ${e.evseNo} ${e.status}${e.questionable ? ' (questionable)' : ''}`,
  );
  return (
    <Text size="sm" component="div" data-testid="live-line">
      Now: <LiveInline live={live} />
      {evses.length > 0 && ` · ${evses.join(', ')}`}
      <Text span c="dimmed" size="sm">
        {' '}
        · {lastSeenText(live)}
      </Text>
    </Text>
  );
}

function LiveInline({ live }: { live: NonNullable<LiveSummary> }) {
  if (!live.online)
    return (
      <Badge size="sm" variant="light" color="orange">
        offline
      </Badge>
    );
  if (live.activePowerW === null) return <>online, no power value yet</>;
  return (
    <Text span size="sm" fw={600} className="tabular-nums" c={live.questionable ? 'dimmed' : 'inherit'}>
      {formatKw(live.activePowerW)}
      {live.questionable ? ' (questionable)' : ''}
    </Text>
  );
}
