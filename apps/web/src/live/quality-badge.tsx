// A value's quality as the screen shows it: nothing for good fresh values, otherwise a small badge
// with the reason in a tooltip (questionable/old greyed, invalid red, test and late labelled).
import { Badge, Group, Tooltip } from '@mantine/core';
import type { QualityView } from './quality.js';

const LABEL = { good: 'good', questionable: 'questionable', invalid: 'invalid', stale: 'old' } as const;
const COLOUR = { good: 'gray', questionable: 'gray', invalid: 'red', stale: 'gray' } as const;

export function QualityBadges({ q }: { q: QualityView }) {
  return (
    <Group gap={4} wrap="nowrap">
      {q.level === 'good' ? (
        <Badge size="xs" variant="transparent" color="gray">
          good
        </Badge>
      ) : (
        <Tooltip label={q.reason} withArrow multiline maw={320}>
          <Badge size="xs" variant="light" color={COLOUR[q.level]} data-quality={q.level} tabIndex={0}>
            {LABEL[q.level]}
          </Badge>
        </Tooltip>
      )}
      {q.test && (
        <Tooltip label="Test value: the device marked it as a test; never used in totals" withArrow>
          <Badge size="xs" variant="outline" color="grape" tabIndex={0}>
            test
          </Badge>
        </Tooltip>
      )}
      {q.late && (
        <Tooltip label="Late data: buffered by the device while the link was down and delivered afterwards" withArrow>
          <Badge size="xs" variant="outline" color="blue" data-testid="late-badge" tabIndex={0}>
            late
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
