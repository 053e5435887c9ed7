// One charge point: identity, ratings, where it connects, its EVSEs and what it can do. Read-only for now.
import type { ReactNode } from 'react';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { apiErrorCode } from '../../api/errors.js';
import { useTRPC } from '../../api/trpc.js';
import type { ChargePointDetail } from '../../api/types.js';
import { PageLoader } from '../../components/page-loader.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { formatKw } from '../../format/units.js';
import { ForbiddenPage } from '../errors/forbidden-page.js';
import { NotFoundPage } from '../errors/not-found-page.js';
import { QueryErrorPage } from '../errors/query-error-page.js';
import { ChargePointLive } from './charge-point-live.js';
import { ARCHITECTURE_LABEL, CapabilityBadges, REGISTRATION_COLOUR } from './charge-point-columns.js';

interface DetailPageProps {
  basePath: string;
  /** In the control room the grid links lead to the grid views; the portal has none. */
  linkGrid: boolean;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function InfoCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** A grid place: in the control room a link to the grid node, in the portal plain text. */
function Place({ place, linkGrid }: { place: { id: string; name: string } | null; linkGrid: boolean }) {
  if (!place) {
    return (
      <Text span c="dimmed">
        not placed yet
      </Text>
    );
  }
  if (!linkGrid) return <>{place.name}</>;
  return (
    <Anchor component={Link} to={`/grid/nodes/${encodeURIComponent(place.id)}`}>
      {place.name}
    </Anchor>
  );
}

function DetailBody({ cp, linkGrid }: { cp: ChargePointDetail; linkGrid: boolean }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <InfoCard title="Ratings">
        <SimpleGrid cols={2} spacing="sm">
          <Field label="Import max">
            <span data-testid="max-import">{formatKw(cp.maxImportW)}</span>
          </Field>
          <Field label="Export max">
            {cp.maxExportW > 0 ? formatKw(cp.maxExportW) : 'none (import only)'}
          </Field>
          <Field label="EVSEs">{cp.evseCount}</Field>
          <Field label="Capabilities">
            <CapabilityBadges cp={cp} />
          </Field>
        </SimpleGrid>
      </InfoCard>
      <InfoCard title="Connection">
        <SimpleGrid cols={2} spacing="sm">
          <Field label="Connection point">
            <Place place={cp.connectionPoint} linkGrid={linkGrid} />
          </Field>
          <Field label="Feeder">
            <Place place={cp.feeder} linkGrid={linkGrid} />
          </Field>
          <Field label="Address">{cp.address}</Field>
          <Field label="Access point">{cp.accessPointId}</Field>
        </SimpleGrid>
      </InfoCard>
      <InfoCard title="Device">
        <SimpleGrid cols={2} spacing="sm">
          <Field label="Vendor and model">
            {cp.vendor} {cp.model}
          </Field>
          <Field label="Serial number">{cp.serialNumber}</Field>
          <Field label="Firmware">{cp.firmware}</Field>
          <Field label="Logical device (IEC 61850)">
            <Text span ff="monospace" size="sm">
              {cp.logicalDevice}
            </Text>
          </Field>
        </SimpleGrid>
      </InfoCard>
    </SimpleGrid>
  );
}

export function ChargePointDetailPage({ basePath, linkGrid }: DetailPageProps) {
  const trpc = useTRPC();
  const id = useParams().id ?? '';
  usePageTitle(`Charge point ${id}`);
  const detail = useQuery(trpc.chargePoints.byId.queryOptions({ id }));
  const back = { backTo: basePath, backLabel: 'Back to the charge point list' };

  if (detail.isPending) return <PageLoader label={`Loading charge point ${id}`} />;
  if (detail.isError) {
    const code = apiErrorCode(detail.error);
    if (code === 'FORBIDDEN') {
      return (
        <ForbiddenPage
          title="This charge point belongs to another operator"
          message={`${id} is registered to another charge point operator. Your portal shows your own organisation's charge points only.`}
          {...back}
        />
      );
    }
    if (code === 'NOT_FOUND') {
      return (
        <NotFoundPage
          title="Charge point not found"
          message={`There is no charge point with the ID “${id}”. Check the ID or pick one from the list.`}
          {...back}
        />
      );
    }
    return <QueryErrorPage error={detail.error} onRetry={() => void detail.refetch()} {...back} />;
  }
  const cp = detail.data;
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={basePath} size="sm">
          ← Charge points
        </Anchor>
        <Group gap="sm" mt={4} align="center">
          <Title order={1} size="h2" ff="monospace" data-testid="charge-point-id">
            {cp.id}
          </Title>
          <Badge variant="light" color="gray">
            {ARCHITECTURE_LABEL[cp.architecture]}
          </Badge>
          <Badge variant="light" color={REGISTRATION_COLOUR[cp.registration]}>
            {cp.registration}
          </Badge>
        </Group>
        <Text c="dimmed" size="sm">
          {cp.cpo.name} · {cp.vendor} {cp.model} · {cp.address}
        </Text>
      </div>
      <ChargePointLive cp={cp} />
      <DetailBody cp={cp} linkGrid={linkGrid} />
    </Stack>
  );
}
