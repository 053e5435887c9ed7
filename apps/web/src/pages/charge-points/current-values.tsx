// Every value the charge point last reported: meter registers first, then measurements and
// settings, each with device time stamp and quality (questionable/old greyed with the reason).
import { Table, Text } from '@mantine/core';
import type { LiveChargePoint } from '../../live/live-store.js';
import { qualityOf } from '../../live/quality.js';
import { QualityBadges } from '../../live/quality-badge.js';
import { measurandInfo, measurandOrder } from '../../format/measurands.js';
import { dayTime } from '../../charts/time-axis.js';

const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const stamp = (ms: number, nowMs: number) => (nowMs - ms < 12 * 3_600_000 ? time.format(new Date(ms)) : dayTime(ms));

export function CurrentValues({ cp, nowMs, evse0Only = true }: { cp: LiveChargePoint | undefined; nowMs: number; evse0Only?: boolean }) {
  const rows = [...(cp?.values ?? [])]
    .map(([key, v]) => {
      const slash = key.indexOf('/');
      return { key, evseNo: Number(key.slice(0, slash)), measurand: key.slice(slash + 1), v };
    })
    .filter((r) => !evse0Only || r.evseNo === 0)
    .sort((a, b) => measurandOrder(a.measurand) - measurandOrder(b.measurand) || measurandInfo(a.measurand).label.localeCompare(measurandInfo(b.measurand).label));
  if (!cp || rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No values received from this charge point yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={520} mah={420}>
      <Table verticalSpacing={4} fz="sm" data-testid="current-values" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Value</Table.Th>
            <Table.Th ta="right">Now</Table.Th>
            <Table.Th>Device time</Table.Th>
            <Table.Th>Quality</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const info = measurandInfo(r.measurand);
            const q = qualityOf(r.v, r.measurand, { online: cp.online, nowMs });
            const dim = q.level !== 'good';
            return (
              <Table.Tr key={r.key} data-measurand={r.measurand} data-quality={q.level}>
                <Table.Td>{info.label}</Table.Td>
                <Table.Td ta="right" className="tabular-nums" c={dim ? 'dimmed' : 'inherit'} title={q.reason || undefined}>
                  {q.level === 'invalid' ? '—' : info.format(r.v.value)}
                </Table.Td>
                <Table.Td className="tabular-nums" c="dimmed" title={`received ${time.format(new Date(r.v.receivedAtMs))}`}>
                  {stamp(r.v.deviceTimeMs, nowMs)}
                </Table.Td>
                <Table.Td>
                  <QualityBadges q={q} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
