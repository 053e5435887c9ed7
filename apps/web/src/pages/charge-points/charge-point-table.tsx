// Sortable, virtualised charge point table: only the rows in view are in the DOM, so thousands scroll smoothly.
import { useMemo, useRef } from 'react';
import { Table, Text, UnstyledButton } from '@mantine/core';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type Header,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ChargePointRow } from '../../api/types.js';
import { chargePointColumns } from './charge-point-columns.js';
import type { SortSpec } from './charge-point-filters.js';

const ROW_HEIGHT = 41;
const rowHeight = () => ROW_HEIGHT;
/** Columns of figures: header aligned right, like their cells. */
const NUMERIC_COLUMNS = new Set(['maxImportW', 'maxExportW', 'evseCount']);

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
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const colSpan = columns.length;

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
        <Table.Tbody>
          {padTop > 0 && (
            <tr aria-hidden="true">
              <td colSpan={colSpan} style={{ height: padTop, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = tableRows[item.index];
            if (!row) return null;
            return (
              <Table.Tr
                key={row.id}
                h={ROW_HEIGHT}
                data-cp-id={row.original.id}
                aria-rowindex={item.index + 2}
              >
                {row.getVisibleCells().map((cell) => (
                  <Table.Td
                    key={cell.id}
                    style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={colSpan} style={{ height: padBottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
