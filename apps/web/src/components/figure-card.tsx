import type { ReactNode } from 'react';
import { Card, Text } from '@mantine/core';

export interface FigureCardProps {
  label: string;
  value: string;
  detail: ReactNode;
  /** Only for states that need attention (near or over a limit, offline…); otherwise the default. */
  colour?: string | undefined;
  testId?: string | undefined;
  /** Exposed as data-level for tests and styling (e.g. "ok", "near", "over"). */
  level?: string | undefined;
}

/** One headline figure: a small caption, the value in large tabular digits, a line of detail. */
export function FigureCard({ label, value, detail, colour, testId, level }: FigureCardProps) {
  return (
    <Card withBorder padding="sm" data-testid={testId} data-level={level}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} className="tabular-nums" {...(colour ? { c: colour } : {})}>
        {value}
      </Text>
      <Text size="xs" c={colour ?? 'dimmed'}>
        {detail}
      </Text>
    </Card>
  );
}
