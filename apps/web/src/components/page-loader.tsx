import { Center, Loader, Stack, Text } from '@mantine/core';

/** A calm, labelled spinner for a page whose data is on its way. */
export function PageLoader({ label }: { label: string }) {
  return (
    <Center mih={240} role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" />
        <Text c="dimmed" size="sm">
          {label}…
        </Text>
      </Stack>
    </Center>
  );
}
