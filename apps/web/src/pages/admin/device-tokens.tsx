// Device tokens: who may dial in. Revoking disconnects the devices using the token at once.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiErrorMessage } from '../../api/errors.js';
import { useTRPC } from '../../api/trpc.js';
import type { RouterOutputs } from '../../api/types.js';
import { dayTime } from '../../charts/time-axis.js';

type Credential = RouterOutputs['devices']['credentials']['items'][number];

const ms = (d: string | Date | null) => (d === null ? null : new Date(d).getTime());

export function credentialState(c: Pick<Credential, 'revokedAt' | 'expiresAt'>, nowMs: number): 'active' | 'revoked' | 'expired' {
  if (c.revokedAt) return 'revoked';
  const expires = ms(c.expiresAt);
  if (expires !== null && expires <= nowMs) return 'expired';
  return 'active';
}

function RevokeDialog({ credential, onClose }: { credential: Credential; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation(
    trpc.devices.revokeToken.mutationOptions({
      onSuccess: async (r) => {
        notifications.show({ title: 'Token revoked', message: r.disconnected ? `${r.disconnected} connected device(s) were disconnected.` : 'No device was connected with it.' });
        await queryClient.invalidateQueries({ queryKey: trpc.devices.credentials.queryKey() });
        onClose();
      },
    }),
  );
  return (
    <Modal opened onClose={onClose} title="Revoke this device token?" centered>
      <Stack gap="sm">
        <Text size="sm">
          “{credential.label}” for {credential.accessPointIds.join(', ') || 'no access point'} stops working now: devices connected with it are disconnected
          at once and cannot dial in again until they get a new token. This cannot be undone.
        </Text>
        {revoke.isError && <Alert color="red" title="Not revoked">{apiErrorMessage(revoke.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep it
          </Button>
          <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate({ credentialId: credential.id })}>
            Revoke token
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function DeviceTokens() {
  const trpc = useTRPC();
  const list = useQuery(trpc.devices.credentials.queryOptions());
  const [revoking, setRevoking] = useState<Credential | null>(null);
  const [nowMs] = useState(() => Date.now());
  if (list.isPending) return <Text size="sm" c="dimmed">Loading device tokens…</Text>;
  if (list.isError) return <Alert color="red" title="Could not load the device tokens">{apiErrorMessage(list.error)}</Alert>;
  if (list.data.items.length === 0) return <Text size="sm" c="dimmed">No device tokens yet.</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={760} mah={420}>
        <Table data-testid="device-tokens" verticalSpacing={6} stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Label</Table.Th>
              <Table.Th>Access points</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((c) => {
              const state = credentialState(c, nowMs);
              const lastUsed = ms(c.lastUsedAt);
              const expires = ms(c.expiresAt);
              return (
                <Table.Tr key={c.id} data-credential-id={c.id} data-state={state}>
                  <Table.Td>{c.label}</Table.Td>
                  <Table.Td ff="monospace" fz="sm">
                    {c.accessPointIds.join(', ')}
                  </Table.Td>
                  <Table.Td fz="sm">{dayTime(ms(c.createdAt) ?? 0)}</Table.Td>
                  <Table.Td fz="sm">{lastUsed === null ? 'never' : dayTime(lastUsed)}</Table.Td>
                  <Table.Td fz="sm">{expires === null ? 'no expiry' : dayTime(expires)}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={state === 'active' ? 'gray' : 'orange'}>
                      {state}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {state === 'active' && (
                      <Button size="xs" variant="default" color="red" onClick={() => setRevoking(c)}>
                        Revoke…
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {revoking && <RevokeDialog credential={revoking} onClose={() => setRevoking(null)} />}
    </>
  );
}
