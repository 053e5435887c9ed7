// Admin: devices waiting for approval (approve and place), device tokens (issue — shown once —, revoke).
import type { ReactNode } from 'react';
import { Card, Stack, Text, Title } from '@mantine/core';
import { usePageTitle } from '../../components/use-page-title.js';
import { DeviceTokens } from './device-tokens.js';
import { IssueToken } from './issue-token.js';
import { PendingDevices } from './pending-devices.js';

function Section({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {intro}
      </Text>
      {children}
    </Card>
  );
}

export function AdminPage() {
  usePageTitle('Admin');
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          Admin
        </Title>
        <Text c="dimmed" size="sm">
          Devices waiting for approval and placement, and the tokens devices dial in with. User management is not available here yet.
        </Text>
      </div>
      <Section title="Devices waiting for approval" intro="Discovered charge points: check the nameplate, then place each under its connection point.">
        <PendingDevices />
      </Section>
      <Section title="Issue a device token" intro="A token lets one access point (a charge point or a CPO gateway) dial in. It is shown once.">
        <IssueToken />
      </Section>
      <Section title="Device tokens" intro="Revoking a token disconnects the devices using it at once.">
        <DeviceTokens />
      </Section>
    </Stack>
  );
}
