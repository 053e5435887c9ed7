// Active power, reactive power, power factor and frequency of one charge point, one synced chart
// each (own unit on each axis). Gaps where values were invalid or missing; questionable values as
// grey dots, late values as blue dots. Drag across a chart to zoom; the range buttons pick a window.
import { useState } from 'react';
import { Button, Card, Group, SegmentedControl, Stack, Text, Title, useComputedColorScheme } from '@mantine/core';
import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartMeasurand, SeriesSet } from './cp-series.js';
import type { SeriesPoint } from './series-buffer.js';
import { clockTime, dayTime } from './time-axis.js';

interface ChartDef {
  measurand: ChartMeasurand;
  title: string;
  unit: string;
  scale: number;
  digits: number;
  colour: string;
  /** decimals on the axis ticks */
  axisDigits: number;
  /** axis range; auto when absent */
  yDomain?: [number | ((v: number) => number), number | ((v: number) => number)];
  ticks?: number[];
}

/** power axes always show zero (import above, export below) */
function nice(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return 0;
  const step = 10 ** Math.floor(Math.log10(Math.abs(v))) / 2;
  return Math.sign(v) * Math.ceil(Math.abs(v) / step) * step;
}
const WITH_ZERO: ChartDef['yDomain'] = [(min) => Math.min(0, nice(min)), (max) => Math.max(0, nice(max))];

const CHARTS: ChartDef[] = [
  { measurand: 'activePowerW', title: 'Active power', unit: 'kW', scale: 1 / 1000, digits: 2, axisDigits: 1, yDomain: WITH_ZERO, colour: '#4c6ef5' },
  { measurand: 'reactivePowerVar', title: 'Reactive power', unit: 'kvar', scale: 1 / 1000, digits: 2, axisDigits: 1, yDomain: WITH_ZERO, colour: '#12b886' },
  { measurand: 'powerFactor', title: 'Power factor', unit: 'cos φ', scale: 1, digits: 3, axisDigits: 2, colour: '#7950f2', yDomain: [-1, 1], ticks: [-1, -0.5, 0, 0.5, 1] },
  { measurand: 'frequencyHz', title: 'Frequency', unit: 'Hz', scale: 1, digits: 3, axisDigits: 3, colour: '#e8590c' },
];

export const RANGE_OPTIONS = [
  { value: 'live', label: 'Live 15 min' },
  { value: '1h', label: '1 h' },
  { value: '6h', label: '6 h' },
  { value: '24h', label: '24 h' },
  { value: '7d', label: '7 days' },
];
export const RANGE_MS: Record<string, number> = { '1h': 3_600_000, '6h': 6 * 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000 };

interface Props {
  series: SeriesSet;
  range: string;
  onRange: (range: string) => void;
  onZoom: (fromMs: number, toMs: number) => void;
  zoomed: boolean;
  domain: [number, number];
  note: string;
}

type DotProps = { cx?: number; cy?: number; payload?: SeriesPoint; index?: number };

function QualityDot({ cx, cy, payload, index }: DotProps) {
  if (cx === undefined || cy === undefined || !payload || payload.v === null) return <g key={index} />;
  if (payload.late) return <circle key={index} cx={cx} cy={cy} r={3} fill="#228be6" data-late="1" />;
  if (payload.questionable) return <circle key={index} cx={cx} cy={cy} r={3} fill="#adb5bd" data-questionable="1" />;
  return <g key={index} />;
}

function OneChart({ def, points, domain, onZoom, dark }: { def: ChartDef; points: SeriesPoint[]; domain: [number, number]; onZoom: Props['onZoom']; dark: boolean }) {
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const data = points.map((p) => ({ ...p, y: p.v === null ? null : p.v * def.scale }));
  const span = domain[1] - domain[0];
  const tick = span > 2 * 86_400_000 ? dayTime : clockTime;
  const axis = dark ? '#909296' : '#495057';
  const label = (e: { activeLabel?: string | number | undefined } | null) => (e && e.activeLabel !== undefined ? Number(e.activeLabel) : null);
  return (
    <div data-testid={`chart-${def.measurand}`}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {def.title} ({def.unit})
      </Text>
      <ResponsiveContainer width="100%" height={130}>
        <LineChart
          data={data}
          syncId="cp-measurements"
          margin={{ top: 6, right: 16, bottom: 0, left: 0 }}
          onMouseDown={(e) => {
            const t = label(e);
            if (t !== null) setDrag({ from: t, to: t });
          }}
          onMouseMove={(e) => {
            const t = label(e);
            if (drag && t !== null) setDrag({ ...drag, to: t });
          }}
          onMouseUp={() => {
            if (drag && Math.abs(drag.to - drag.from) > 1_000) onZoom(Math.min(drag.from, drag.to), Math.max(drag.from, drag.to));
            setDrag(null);
          }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke={dark ? '#373a40' : '#e9ecef'} />
          <XAxis dataKey="t" type="number" domain={domain} allowDataOverflow tickFormatter={tick} stroke={axis} fontSize={11} />
          <YAxis stroke={axis} fontSize={11} width={88} unit={` ${def.unit}`} domain={def.yDomain ?? ['auto', 'auto']} {...(def.ticks ? { ticks: def.ticks, interval: 0 } : {})} tickFormatter={(v: number) => v.toFixed(def.axisDigits)} />
          <Tooltip
            labelFormatter={(t) => dayTime(Number(t)) + ' ' + clockTime(Number(t)).slice(-3)}
            formatter={(v) => (v === null || v === undefined ? 'no valid value' : `${Number(v).toFixed(def.digits)} ${def.unit}`)}
          />
          <Line dataKey="y" name={def.title} type="stepAfter" stroke={def.colour} strokeWidth={1.5} dot={QualityDot} activeDot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
          {drag && <ReferenceArea x1={drag.from} x2={drag.to} strokeOpacity={0.3} fillOpacity={0.15} />}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function MeasurementCharts({ series, range, onRange, onZoom, zoomed, domain, note }: Props) {
  const dark = useComputedColorScheme('light') === 'dark';
  return (
    <Card withBorder data-testid="measurement-charts">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h4">
          Measurements
        </Title>
        <Group gap="xs">
          {zoomed && (
            <Button size="xs" variant="subtle" onClick={() => onRange(range)}>
              Reset zoom
            </Button>
          )}
          <SegmentedControl size="xs" data={RANGE_OPTIONS} value={range} onChange={onRange} aria-label="Time range" />
        </Group>
      </Group>
      <Stack gap={4}>
        {CHARTS.map((def) => (
          <OneChart key={def.measurand} def={def} points={series[def.measurand]} domain={domain} onZoom={onZoom} dark={dark} />
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt="xs">
        {note} Breaks in a line: invalid or missing values. Grey dots: questionable values; blue dots: late data. Drag across a chart to zoom in.
      </Text>
    </Card>
  );
}
