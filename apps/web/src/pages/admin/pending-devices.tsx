// Use case 3.1: charge points that dialled in and were discovered, waiting for a DSO operator to
// approve them and place them under a connection point. Approval enables their reports at once.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiErrorMessage, fieldErrors } from '../../api/errors.js';
import { useTRPC } from '../../api/trpc.js';
import type { RouterOutputs } from '../../api/types.js';
import { formatKw } from '../../format/units.js';
import { dayTime } from '../../charts/time-axis.js';

type Pending = RouterOutputs['devices']['pending']['items'][number];

function ApproveDialog({ device, onClose }: { device: Pending; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tree = useQuery(trpc.grid.tree.queryOptions());
  const [place, setPlace] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const options = (tree.data?.nodes ?? []).filter((n) => n.kind === 'connectionPoint').map((n) => ({ value: n.id, label: n.name }));
  const approve = useMutation(
    trpc.devices.approve.mutationOptions({
      onSuccess: async (r) => {
        notifications.show({ color: 'green', title: `${r.id} approved`, message: 'Placed in the grid; its reports are being enabled.' });
        await queryClient.invalidateQueries({ queryKey: trpc.devices.pending.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.chargePoints.list.queryKey() });
        onClose();
      },
    }),
  );
  const missing = touched && !place ? 'Choose the connection point this charge point is connected to.' : null;
  const serverField = approve.error ? fieldErrors(approve.error).connectionPointId : undefined;
  const submit = () => {
    setTouched(true);
    if (place) approve.mutate({ chargePointId: device.id, connectionPointId: place });
  };
  return (
    <Modal opened onClose={onClose} title={`Approve ${device.id}`} centered>
      <Stack gap="sm">
        <Text size="sm">
          {device.vendor} {device.model} (serial {device.serialNumber}), {formatKw(device.maxImportW)} import
          {device.maxExportW > 0 ? `, ${formatKw(device.maxExportW)} export` : ''}, operated by {device.cpo.name}. Approving it
          places it in the grid and starts receiving its measurements; the DSO can then control it.
        </Text>
        <Select
          label="Connection point"
          placeholder={tree.isPending ? 'Loading the grid…' : 'Choose a connection point'}
          data={options}
          value={place}
          onChange={setPlace}
          searchable
          required
          error={missing ?? serverField}
          data-testid="approve-place"
          comboboxProps={{ withinPortal: true }}
        />
        {approve.isError && !serverField && (
          <Alert color="red" title="Not approved">
            {apiErrorMessage(approve.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={approve.isPending}>
            Approve and place
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function PendingDevices() {
  const trpc = useTRPC();
  const pending = useQuery(trpc.devices.pending.queryOptions(undefined, { refetchInterval: 10_000 }));
  const [approving, setApproving] = useState<Pending | null>(null);
  if (pending.isPending) return <Text size="sm" c="dimmed">Loading devices waiting for approval…</Text>;
  if (pending.isError) return <Alert color="red" title="Could not load the pending devices">{apiErrorMessage(pending.error)}</Alert>;
  if (pending.data.items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="no-pending">
        No devices are waiting for approval. A charge point that dials in with a valid token and is not yet placed appears here.
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table data-testid="pending-devices" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Charge point</Table.Th>
              <Table.Th>CPO</Table.Th>
              <Table.Th>Device</Table.Th>
              <Table.Th ta="right">Import / export</Table.Th>
              <Table.Th>Discovered</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pending.data.items.map((d) => (
              <Table.Tr key={d.id} data-pending-id={d.id}>
                <Table.Td ff="monospace">
                  {d.id} <Badge size="xs" variant="light" color="gray">{d.architecture}</Badge>
                </Table.Td>
                <Table.Td>{d.cpo.name}</Table.Td>
                <Table.Td>
                  {d.vendor} {d.model}
                  <Text size="xs" c="dimmed">
                    serial {d.serialNumber} · firmware {d.firmware} · via {d.accessPointId}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" className="tabular-nums">
                  {formatKw(d.maxImportW)} / {formatKw(d.maxExportW)}
                </Table.Td>
                <Table.Td>{d.discoveredAt ? dayTime(new Date(d.discoveredAt).getTime()) : '—'}</Table.Td>
                <Table.Td>
                  <Button size="xs" onClick={() => setApproving(d)}>
                    Approve…
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {approving && <ApproveDialog device={approving} onClose={() => setApproving(null)} />}
    </>
  );
}
