// Pages whose data is not collected yet: each says what it will show and that there is nothing yet.
import { EmptyState, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../components/use-page-title.js';
import { AdminIcon, AuditIcon, BellIcon, CommandIcon, ShieldIcon } from '../components/icons.js';

interface EmptyPageProps {
  title: string;
  intro: string;
  emptyTitle: string;
  emptyText: string;
  icon: ReactNode;
}

function EmptyPage({ title, intro, emptyTitle, emptyText, icon }: EmptyPageProps) {
  usePageTitle(title);
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text c="dimmed" size="sm">
          {intro}
        </Text>
      </div>
      <EmptyState mt="lg" icon={icon} title={emptyTitle} description={emptyText} data-testid="empty-page" />
    </Stack>
  );
}

export const AlarmsPage = () => (
  <EmptyPage
    title="Alarms"
    intro="Limit violations, stale or offline charge points and refused commands, newest first, with acknowledgement."
    emptyTitle="No alarms"
    emptyText="Nothing needs attention. Alarms appear here as soon as a charge point or grid node raises one."
    icon={<BellIcon size={28} />}
  />
);

export const CommandsPage = () => (
  <EmptyPage
    title="Commands"
    intro="Every control sent to a charge point — limits, V2G, reactive power, meter reads — with its state from requested to verified."
    emptyTitle="No commands sent yet"
    emptyText="Commands appear here the moment an operator sends one, and update live as the device answers."
    icon={<CommandIcon size={28} />}
  />
);

export const AuditPage = () => (
  <EmptyPage
    title="Audit"
    intro="Who did what and when: logins, controls, approvals and configuration changes, searchable and exportable."
    emptyTitle="No audit entries to show"
    emptyText="Recorded actions will be listed here with the person, the time and the outcome."
    icon={<AuditIcon size={28} />}
  />
);

export const AdminPage = () => (
  <EmptyPage
    title="Admin"
    intro="Users and their roles, devices waiting for approval and placement, and device access tokens."
    emptyTitle="Nothing waiting"
    emptyText="New devices asking to connect will wait here for approval; user and token management will be listed alongside."
    icon={<AdminIcon size={28} />}
  />
);

export const InterventionsPage = () => (
  <EmptyPage
    title="Interventions"
    intro="Every DSO limit, V2G request and reactive power command on your charge points, with start, end, reason and energy affected."
    emptyTitle="No interventions"
    emptyText="The DSO has not limited or steered any of your charge points. Each intervention will be listed here with its reason."
    icon={<ShieldIcon size={28} />}
  />
);
