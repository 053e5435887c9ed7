// The grid tree as an indented table: each node's capacity, the charge point ratings connected below it,
// and the number of charge points. Rows expand and collapse with the mouse or the keyboard.
import { ActionIcon, Anchor, Badge, Group, Progress, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ChevronIcon } from '../../components/icons.js';
import { formatPercent, formatPowerW, plural } from '../../format/units.js';
import type { LiveAggregate } from '../../live/live-store.js';
import { KIND_LABEL, type GridTreeNode } from './grid-tree.js';
import { LoadCell } from './load-cell.js';

interface GridTreeTableProps {
  rows: GridTreeNode[];
  isExpanded: (id: string) => boolean;
  onToggle: (id: string) => void;
  /** A plain list (no indentation, no expand buttons), e.g. the nodes directly below one node. */
  flat?: boolean;
  /** Live aggregates by node id: adds a "Load now" column. */
  live?: ReadonlyMap<string, LiveAggregate> | undefined;
}

function chargePointsLink(entry: GridTreeNode): string | null {
  const { kind, id } = entry.node;
  if (kind === 'feeder') return `/charge-points?feeder=${encodeURIComponent(id)}`;
  if (kind === 'connectionPoint') return `/charge-points?cp=${encodeURIComponent(id)}`;
  return null;
}

function NameCell({
  entry,
  expanded,
  onToggle,
  flat,
}: {
  entry: GridTreeNode;
  expanded: boolean;
  onToggle: () => void;
  flat: boolean;
}) {
  const hasChildren = !flat && entry.children.length > 0;
  const label = `${expanded ? 'Collapse' : 'Expand'} ${entry.node.name}`;
  return (
    <Group gap={6} wrap="nowrap" pl={flat ? 0 : entry.depth * 22}>
      {hasChildren ? (
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={label}
          aria-expanded={expanded}
          onClick={onToggle}
        >
          <ChevronIcon
            size={14}
            style={{ transform: expanded ? 'rotate(90deg)' : undefined, transition: 'transform 120ms' }}
          />
        </ActionIcon>
      ) : flat ? null : (
        <span style={{ width: 22, display: 'inline-block' }} />
      )}
      <Anchor
        component={Link}
        to={`/grid/nodes/${encodeURIComponent(entry.node.id)}`}
        size="sm"
        fw={entry.node.kind === 'substation' || entry.node.kind === 'transformer' ? 600 : 400}
        c="inherit"
      >
        {entry.node.name}
      </Anchor>
    </Group>
  );
}

function RatingCell({ entry }: { entry: GridTreeNode }) {
  const { capacityW, ratedImportW } = entry.node;
  const share = capacityW > 0 ? ratedImportW / capacityW : Number.NaN;
  return (
    <Group gap="xs" wrap="nowrap" justify="flex-end">
      <Text size="sm" className="tabular-nums" ta="right" miw={72}>
        {formatPowerW(ratedImportW)}
      </Text>
      <Progress
        value={Number.isFinite(share) ? Math.min(share * 100, 100) : 0}
        color="var(--mantine-color-dimmed)"
        w={80}
        size="sm"
        aria-label={`Connected rating ${formatPercent(share)} of capacity`}
      />
      <Text size="xs" c="dimmed" w={44} ta="right">
        {formatPercent(share)}
      </Text>
    </Group>
  );
}

export function GridTreeTable({ rows, isExpanded, onToggle, flat = false, live }: GridTreeTableProps) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing={6} data-testid="grid-tree">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Node</Table.Th>
            <Table.Th>Level</Table.Th>
            <Table.Th ta="right">Capacity</Table.Th>
            {live && <Table.Th ta="right">Load now (share of capacity)</Table.Th>}
            <Table.Th ta="right">Connected rating (share of capacity)</Table.Th>
            <Table.Th ta="right">Charge points</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((entry) => {
            const link = chargePointsLink(entry);
            const count = plural(entry.node.chargePointCount, 'charge point');
            return (
              <Table.Tr key={entry.node.id} data-node-id={entry.node.id} data-kind={entry.node.kind}>
                <Table.Td>
                  <NameCell
                    entry={entry}
                    expanded={isExpanded(entry.node.id)}
                    onToggle={() => onToggle(entry.node.id)}
                    flat={flat}
                  />
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color="gray" size="sm">
                    {KIND_LABEL[entry.node.kind]}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right" className="tabular-nums" data-testid="node-capacity">
                  {formatPowerW(entry.node.capacityW)}
                </Table.Td>
                {live && (
                  <Table.Td>
                    <LoadCell live={live.get(entry.node.id)} />
                  </Table.Td>
                )}
                <Table.Td>
                  <RatingCell entry={entry} />
                </Table.Td>
                <Table.Td ta="right">
                  {link && entry.node.chargePointCount > 0 ? (
                    <Anchor component={Link} to={link} size="sm">
                      {count}
                    </Anchor>
                  ) : (
                    <Text size="sm" c={entry.node.chargePointCount ? 'inherit' : 'dimmed'}>
                      {count}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
