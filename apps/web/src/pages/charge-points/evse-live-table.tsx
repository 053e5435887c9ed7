// Per-EVSE: rating, status and power now (live), EV connected, energy register — with quality.
import { Table, Text } from '@mantine/core';
import type { Evse } from '../../api/types.js';
import { valueKey, type LiveChargePoint, type LiveValue } from '../../live/live-store.js';
import { qualityOf } from '../../live/quality.js';
import { QualityBadges } from '../../live/quality-badge.js';
import { measurandInfo } from '../../format/measurands.js';
import { formatKw } from '../../format/units.js';

function Cell({ v, measurand, cp, nowMs, testId }: { v: LiveValue | undefined; measurand: string; cp: LiveChargePoint | undefined; nowMs: number; testId?: string }) {
  if (!v || !cp) {
    return (
      <Text size="sm" c="dimmed" span>
        —
      </Text>
    );
  }
  const q = qualityOf(v, measurand, { online: cp.online, nowMs });
  const text = q.level === 'invalid' ? '—' : measurandInfo(measurand).format(v.value);
  return (
    <Text size="sm" span className="tabular-nums" c={q.level === 'good' ? 'inherit' : 'dimmed'} title={q.reason || undefined} data-testid={testId} data-quality={q.level}>
      {text}
    </Text>
  );
}

type EvseRow = Pick<Evse, 'evseNo'> & Partial<Pick<Evse, 'connectorType' | 'maxPowerW' | 'v2gCapable'>>;

/** The EVSEs on record plus any the device reports that are not on record (yet). */
export function evseRows(evses: readonly Evse[], cp: LiveChargePoint | undefined): EvseRow[] {
  const rows = new Map<number, EvseRow>(evses.map((e) => [e.evseNo, e]));
  for (const key of cp?.values.keys() ?? []) {
    const evseNo = Number(key.slice(0, key.indexOf('/')));
    if (evseNo > 0 && !rows.has(evseNo)) rows.set(evseNo, { evseNo });
  }
  return [...rows.values()].sort((a, b) => a.evseNo - b.evseNo);
}

export function EvseLiveTable({ evses: onRecord, cp, nowMs }: { evses: readonly Evse[]; cp: LiveChargePoint | undefined; nowMs: number }) {
  const evses = evseRows(onRecord, cp);
  if (evses.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No EVSEs on record.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table data-testid="evse-table" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>EVSE</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Power now</Table.Th>
            <Table.Th>EV</Table.Th>
            <Table.Th ta="right">Energy register</Table.Th>
            <Table.Th ta="right">Max power</Table.Th>
            <Table.Th>Quality</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {evses.map((evse) => {
            const get = (m: string) => cp?.values.get(valueKey(evse.evseNo, m));
            const status = get('evseStatus');
            const power = get('activePowerW');
            return (
              <Table.Tr key={evse.evseNo} data-evse={evse.evseNo}>
                <Table.Td>
                  #{evse.evseNo}{' '}
                  <Text span size="xs" c="dimmed">
                    {evse.connectorType ?? 'not on record'}
                    {evse.v2gCapable ? ' · V2G' : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Cell v={status} measurand="evseStatus" cp={cp} nowMs={nowMs} testId={`evse-${evse.evseNo}-status`} />
                </Table.Td>
                <Table.Td ta="right">
                  <Cell v={power} measurand="activePowerW" cp={cp} nowMs={nowMs} testId={`evse-${evse.evseNo}-power`} />
                </Table.Td>
                <Table.Td>
                  <Cell v={get('evConnected')} measurand="evConnected" cp={cp} nowMs={nowMs} />
                </Table.Td>
                <Table.Td ta="right">
                  <Cell v={get('energyImportWh')} measurand="energyImportWh" cp={cp} nowMs={nowMs} />
                </Table.Td>
                <Table.Td ta="right" className="tabular-nums">
                  {evse.maxPowerW === undefined ? '—' : formatKw(evse.maxPowerW)}
                </Table.Td>
                <Table.Td>{power && cp ? <QualityBadges q={qualityOf(power, 'activePowerW', { online: cp.online, nowMs })} /> : null}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
