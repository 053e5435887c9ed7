// Columns of the charge point table (TanStack Table definitions).
import { Anchor, Badge, Group, Text } from '@mantine/core';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { ChargePointRow } from '../../api/types.js';
import { formatKw } from '../../format/units.js';
import { LiveNow } from './live-status.js';
import { liveSortValue } from './live-summary.js';

const column = createColumnHelper<ChargePointRow>();

export const REGISTRATION_COLOUR: Record<ChargePointRow['registration'], string> = {
  approved: 'gray',
  pending: 'yellow',
  rejected: 'red',
};

export const ARCHITECTURE_LABEL: Record<ChargePointRow['architecture'], string> = {
  public: 'Public',
  residential: 'Residential',
};

export const CAPABILITY_LEGEND =
  'V2G: can discharge to the grid · Q: reactive power / power factor · f: frequency response';

export function CapabilityBadges({
  cp,
}: {
  cp: Pick<ChargePointRow, 'v2gCapable' | 'reactiveCapable' | 'freqResponseCapable'>;
}) {
  const list = [
    cp.v2gCapable && { key: 'v2g', label: 'V2G', title: 'Can discharge to the grid (vehicle-to-grid)' },
    cp.reactiveCapable && {
      key: 'q',
      label: 'Q',
      title: 'Can follow a reactive power or power factor target',
    },
    cp.freqResponseCapable && {
      key: 'f',
      label: 'f',
      title: 'Can respond to grid frequency (frequency response)',
    },
  ].filter((c) => c !== false);
  if (list.length === 0)
    return (
      <Text size="xs" c="dimmed">
        none
      </Text>
    );
  return (
    <Group gap={4} wrap="nowrap">
      {list.map((c) => (
        <Badge key={c.key} size="xs" variant="outline" color="gray" tt="none" title={c.title}>
          {c.label}
        </Badge>
      ))}
    </Group>
  );
}

const numberCell = (watts: number) => (
  <Text size="sm" className="tabular-nums" ta="right">
    {formatKw(watts)}
  </Text>
);

/** Plain text that may be cut off by the column width: the full text is in the tooltip. */
const textCell = (text: string) => <span title={text}>{text || '—'}</span>;

/** The table's columns; the CPO column only where more than one CPO can appear (the control room). */
export function chargePointColumns(basePath: string, showCpo: boolean): ColumnDef<ChargePointRow, unknown>[] {
  const columns = [
    column.accessor('id', {
      header: 'ID',
      size: 95,
      cell: (info) => (
        <Anchor
          component={Link}
          to={`${basePath}/${encodeURIComponent(info.getValue())}`}
          size="sm"
          ff="monospace"
        >
          {info.getValue()}
        </Anchor>
      ),
    }),
    column.accessor((cp) => cp.cpo.name, {
      id: 'cpo',
      header: 'CPO',
      size: 105,
      cell: (info) => textCell(info.getValue()),
    }),
    column.accessor('architecture', {
      header: 'Type',
      size: 100,
      cell: (info) => ARCHITECTURE_LABEL[info.getValue()],
    }),
    column.accessor('registration', {
      header: 'Registration',
      size: 115,
      cell: (info) => (
        <Badge size="sm" variant="light" color={REGISTRATION_COLOUR[info.getValue()]}>
          {info.getValue()}
        </Badge>
      ),
    }),
    column.accessor((cp) => liveSortValue(cp.live), {
      id: 'now',
      header: 'Now',
      size: 95,
      cell: (info) => <LiveNow live={info.row.original.live} />,
    }),
    column.accessor((cp) => cp.connectionPoint?.name ?? '', {
      id: 'connectionPoint',
      header: 'Connection point',
      size: 175,
      cell: (info) => textCell(info.getValue()),
    }),
    column.accessor((cp) => cp.feeder?.name ?? '', {
      id: 'feeder',
      header: 'Feeder',
      size: 125,
      cell: (info) => textCell(info.getValue()),
    }),
    column.accessor('maxImportW', {
      header: 'Import',
      size: 80,
      cell: (info) => numberCell(info.getValue()),
    }),
    column.accessor('maxExportW', {
      header: 'Export',
      size: 80,
      cell: (info) => numberCell(info.getValue()),
    }),
    column.display({
      id: 'capabilities',
      header: 'Capabilities',
      size: 110,
      cell: (info) => <CapabilityBadges cp={info.row.original} />,
    }),
  ] as ColumnDef<ChargePointRow, unknown>[];
  return showCpo ? columns : columns.filter((c) => c.id !== 'cpo');
}
