// Live stacked active power of a node's charge points against its capacity (last 15 minutes,
// collected in the browser from the live feed since the page opened).
import { useMemo } from 'react';
import { Card, Group, Text, Title, useComputedColorScheme } from '@mantine/core';
import { Area, AreaChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StackPoint } from './series-buffer.js';
import { clockTime } from './time-axis.js';

const PALETTE = ['#4c6ef5', '#15aabf', '#40c057', '#fab005', '#7950f2', '#e64980', '#12b886', '#fd7e14', '#228be6', '#82c91e'];
const OTHERS = '#adb5bd';
const colourOf = (i: number): string => PALETTE[i % PALETTE.length] ?? OTHERS;

interface Props {
  points: readonly StackPoint[];
  series: readonly string[];
  capacityKw: number;
}

function withOthers(points: readonly StackPoint[], series: readonly string[]) {
  const shown = new Set(series);
  return points.map((p) => {
    const out: StackPoint = { t: p.t, others: 0 };
    for (const [k, v] of Object.entries(p)) {
      if (k === 't') continue;
      if (shown.has(k)) out[k] = v;
      else out.others = (out.others ?? 0) + v;
    }
    return out;
  });
}

export function NodePowerChart({ points, series, capacityKw }: Props) {
  const dark = useComputedColorScheme('light') === 'dark';
  const data = useMemo(() => withOthers(points, series), [points, series]);
  const axis = dark ? '#909296' : '#495057';
  // at least two minutes wide, so the first seconds after opening do not fill the axis
  const last = points.at(-1)?.t ?? 0;
  const xDomain: [number, number] = [Math.min(points[0]?.t ?? 0, last - 120_000), last];
  return (
    <Card withBorder data-testid="node-power-chart">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Active power of its charge points (kW, stacked)
        </Title>
        <Text size="xs" c="dimmed">
          live since this page opened, last 15 min · dashed line: capacity {capacityKw.toLocaleString('en-GB')} kW
        </Text>
      </Group>
      {points.length < 2 ? (
        <Text size="sm" c="dimmed" h={260}>
          Collecting live values… the chart fills as measurements arrive.
        </Text>
      ) : (
        <ResponsiveContainer width="100%" height={260}>
          <AreaChart data={data} stackOffset="sign" margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke={dark ? '#373a40' : '#e9ecef'} />
            <XAxis dataKey="t" type="number" domain={xDomain} allowDataOverflow tickFormatter={clockTime} stroke={axis} fontSize={12} />
            <YAxis unit=" kW" stroke={axis} fontSize={12} width={72} domain={[(min: number) => Math.min(0, Math.floor(min / 10) * 10), (max: number) => Math.ceil(Math.max(max, capacityKw * 1.05) / 10) * 10]} />
            <Tooltip labelFormatter={(t) => clockTime(Number(t))} formatter={(v) => `${Number(v).toFixed(1)} kW`} />
            <ReferenceLine y={capacityKw} stroke="#fa5252" strokeDasharray="6 4" label={{ value: 'capacity', position: 'insideTopRight', fill: '#fa5252', fontSize: 12 }} />
            {series.map((id, i) => (
              <Area key={id} dataKey={id} name={id} stackId="p" type="stepAfter" isAnimationActive={false} stroke={colourOf(i)} fill={colourOf(i)} fillOpacity={0.5} />
            ))}
            <Area dataKey="others" name="others" stackId="p" type="stepAfter" isAnimationActive={false} stroke={OTHERS} fill={OTHERS} fillOpacity={0.4} />
          </AreaChart>
        </ResponsiveContainer>
      )}
    </Card>
  );
}
