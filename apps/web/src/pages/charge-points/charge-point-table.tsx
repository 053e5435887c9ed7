// Sortable, virtualised charge point table: only the rows in view are in the DOM, so thousands scroll smoothly.
import { useMemo, useRef } from 'react';
import { Table, Text, UnstyledButton } from '@mantine/core';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type Header,
  type Row,
  type Table as TanTable,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import type { ChargePointRow } from '../../api/types.js';
import { chargePointColumns } from './charge-point-columns.js';
import type { SortSpec } from './charge-point-filters.js';

const ROW_HEIGHT = 41;
const rowHeight = () => ROW_HEIGHT;
/** Columns of figures: header aligned right, like their cells. */
const NUMERIC_COLUMNS = new Set(['maxImportW', 'maxExportW', 'now']);

interface ChargePointTableProps {
  rows: ChargePointRow[];
  basePath: string;
  showCpo: boolean;
  sort: SortSpec;
  onSortChange: (sort: SortSpec | undefined) => void;
  /** CSS height of the scrolling area; by default the table fills the window below the filters. */
  height?: string;
}

function SortHeader({ header }: { header: Header<ChargePointRow, unknown> }) {
  const sorted = header.column.getIsSorted();
  const title = flexRender(header.column.columnDef.header, header.getContext());
  if (!header.column.getCanSort()) return <>{title}</>;
  return (
    <UnstyledButton
      onClick={header.column.getToggleSortingHandler()}
      fw={600}
      fz="sm"
      style={{ whiteSpace: 'nowrap' }}
    >
      {title}
      <Text span c={sorted ? 'inherit' : 'dimmed'} ml={4} aria-hidden="true">
        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
      </Text>
    </UnstyledButton>
  );
}

function HeaderRow({ table }: { table: TanTable<ChargePointRow> }) {
  return (
    <Table.Thead>
      {table.getHeaderGroups().map((group) => (
        <Table.Tr key={group.id}>
          {group.headers.map((header) => {
            const dir = header.column.getIsSorted();
            return (
              <Table.Th
                key={header.id}
                ta={NUMERIC_COLUMNS.has(header.column.id) ? 'right' : undefined}
                aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
              >
                <SortHeader header={header} />
              </Table.Th>
            );
          })}
        </Table.Tr>
      ))}
    </Table.Thead>
  );
}

function Spacer({ height, colSpan }: { height: number; colSpan: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true">
      <td colSpan={colSpan} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

const CELL_STYLE = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

interface RowWindow {
  items: VirtualItem[];
  padTop: number;
  padBottom: number;
}

/** Only the rows in view (plus a margin) are rendered; spacer rows keep the scroll height right. */
function WindowedBody({
  rows,
  view,
  colSpan,
}: {
  rows: Row<ChargePointRow>[];
  view: RowWindow;
  colSpan: number;
}) {
  return (
    <Table.Tbody>
      <Spacer height={view.padTop} colSpan={colSpan} />
      {view.items.map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        return (
          <Table.Tr key={row.id} h={ROW_HEIGHT} data-cp-id={row.original.id} aria-rowindex={item.index + 2}>
            {row.getVisibleCells().map((cell) => (
              <Table.Td key={cell.id} style={CELL_STYLE}>
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </Table.Td>
            ))}
          </Table.Tr>
        );
      })}
      <Spacer height={view.padBottom} colSpan={colSpan} />
    </Table.Tbody>
  );
}

export function ChargePointTable({
  rows,
  basePath,
  showCpo,
  sort,
  onSortChange,
  height = 'max(320px, calc(100dvh - 290px))',
}: ChargePointTableProps) {
  const columns = useMemo(() => chargePointColumns(basePath, showCpo), [basePath, showCpo]);
  // A stable sorting array: a new one each render would recompute the sorted rows each render and
  // make TanStack Table reset its state again and again (a render loop).
  const sorting: SortingState = useMemo(() => [{ id: sort.id, desc: sort.desc }], [sort.id, sort.desc]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table returns fresh functions by design
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      onSortChange(next[0]);
    },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    autoResetAll: false,
  });
  const tableRows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer lives here, next to the scroll element: its layout effect must run after the
  // element's ref is set, which is not yet the case inside a child component.
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const view: RowWindow = {
    items,
    padTop: items[0]?.start ?? 0,
    padBottom: virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0),
  };
  return (
    <div
      ref={scrollRef}
      style={{ overflow: 'auto', height }}
      data-testid="charge-point-scroll"
      tabIndex={0}
      aria-label="Charge point table, scrollable"
    >
      <Table
        stickyHeader
        highlightOnHover
        style={{ tableLayout: 'fixed', minWidth: 1000 }}
        data-testid="charge-point-table"
        aria-rowcount={tableRows.length + 1}
      >
        <colgroup>
          {table.getVisibleLeafColumns().map((c) => (
            <col key={c.id} style={{ width: c.getSize() }} />
          ))}
        </colgroup>
        <HeaderRow table={table} />
        <WindowedBody rows={tableRows} view={view} colSpan={columns.length} />
      </Table>
    </div>
  );
}
