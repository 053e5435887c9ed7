// Pages whose data is not collected yet: each says what it will show and that there is nothing yet.
import { EmptyState, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../components/use-page-title.js';
import { AuditIcon, BellIcon, CommandIcon, ShieldIcon } from '../components/icons.js';

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
    emptyTitle="No alarms to show"
    emptyText="This installation does not raise alarms yet, so none are listed — this is not a sign that all is well. Once alarm monitoring is on, each alarm appears here with its time, place and cause."
    icon={<BellIcon size={28} />}
  />
);

export const CommandsPage = () => (
  <EmptyPage
    title="Commands"
    intro="Every control sent to a charge point — limits, V2G, reactive power, meter reads — with its state from requested to verified."
    emptyTitle="No commands yet"
    emptyText="Controls cannot be sent from this installation yet, so no commands are listed. Once they can, each command appears here the moment it is sent and follows the device's answers live."
    icon={<CommandIcon size={28} />}
  />
);

export const AuditPage = () => (
  <EmptyPage
    title="Audit"
    intro="Who did what and when: logins, controls, approvals and configuration changes, searchable and exportable."
    emptyTitle="No audit entries to show"
    emptyText="The audit trail is not listed here yet. When it is, every recorded action appears with the person, the time and the outcome."
    icon={<AuditIcon size={28} />}
  />
);

export const InterventionsPage = () => (
  <EmptyPage
    title="Interventions"
    intro="Every DSO limit, V2G request and reactive power command on your charge points, with start, end, reason and energy affected."
    emptyTitle="No interventions recorded"
    emptyText="No DSO limit, V2G request or reactive power command is recorded for your charge points. Each one will be listed here with its reason and the energy affected."
    icon={<ShieldIcon size={28} />}
  />
);
