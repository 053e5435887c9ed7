// Issue a device token (use case 3.1): the form validates before sending; the token is shown once.
import { useState } from 'react';
import { Alert, Button, Code, CopyButton, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiErrorMessage, fieldErrors } from '../../api/errors.js';
import { useTRPC } from '../../api/trpc.js';
import { EMPTY_TOKEN_FORM, tokenInput, validateTokenForm, type TokenForm, type TokenFormErrors } from './token-form.js';

function ShownOnce({ token, accessPointId, onClose }: { token: string; accessPointId: string; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title="Device token issued" centered size="lg">
      <Stack gap="sm">
        <Alert color="yellow" title="Shown only now">
          Copy this token into the device for {accessPointId}. The server keeps only a hash: it cannot show it again.
        </Alert>
        <Code block data-testid="issued-token">
          {token}
        </Code>
        <Group justify="flex-end">
          <CopyButton value={token}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? 'Copied' : 'Copy token'}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function IssueToken() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const orgs = useQuery(trpc.organisations.list.queryOptions());
  const [form, setForm] = useState<TokenForm>(EMPTY_TOKEN_FORM);
  const [errors, setErrors] = useState<TokenFormErrors>({});
  const [issued, setIssued] = useState<{ token: string; accessPointId: string } | null>(null);
  const issue = useMutation(
    trpc.devices.issueToken.mutationOptions({
      onSuccess: async (r) => {
        setIssued({ token: r.token, accessPointId: r.accessPointId });
        setForm(EMPTY_TOKEN_FORM);
        await queryClient.invalidateQueries({ queryKey: trpc.devices.credentials.queryKey() });
      },
    }),
  );
  const server = issue.error ? fieldErrors(issue.error) : {};
  const set = <K extends keyof TokenForm>(key: K, value: TokenForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found = validateTokenForm(form);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    issue.mutate(tokenInput(form));
  };
  const cpos = (orgs.data?.items ?? []).filter((o) => o.kind === 'cpo').map((o) => ({ value: o.id, label: o.name }));
  return (
    <form onSubmit={submit} noValidate data-testid="issue-token-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <TextInput label="Access point id" placeholder="VC-0042" value={form.accessPointId} onChange={(e) => set('accessPointId', e.currentTarget.value)} error={errors.accessPointId ?? server.accessPointId} required />
          <Select label="Charge point operator" placeholder="Choose the CPO" data={cpos} value={form.organisationId || null} onChange={(v) => set('organisationId', v ?? '')} error={errors.organisationId ?? server.organisationId} required />
          <div>
            <Text size="sm" fw={500} mb={4}>
              Device kind
            </Text>
            <SegmentedControl
              fullWidth
              value={form.kind}
              onChange={(v) => set('kind', v === 'cpoGateway' ? 'cpoGateway' : 'chargePoint')}
              data={[
                { value: 'chargePoint', label: 'Charge point' },
                { value: 'cpoGateway', label: 'CPO gateway' },
              ]}
            />
          </div>
          <TextInput label="Label" placeholder="optional" value={form.label} onChange={(e) => set('label', e.currentTarget.value)} error={errors.label ?? server.label} />
          <TextInput label="Expires after (days)" placeholder="empty: no expiry" inputMode="numeric" value={form.expiresInDays} onChange={(e) => set('expiresInDays', e.currentTarget.value)} error={errors.expiresInDays ?? server.expiresInDays} />
        </SimpleGrid>
        {issue.isError && Object.keys(server).length === 0 && (
          <Alert color="red" title="No token issued">
            {apiErrorMessage(issue.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={issue.isPending}>
            Issue token
          </Button>
        </Group>
      </Stack>
      {issued && <ShownOnce {...issued} onClose={() => setIssued(null)} />}
    </form>
  );
}
