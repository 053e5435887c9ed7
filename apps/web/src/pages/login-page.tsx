// Login: email and password, checked before sending; the server's refusal is shown in words next to the form.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTRPC } from '../api/trpc.js';
import { apiErrorMessage, fieldErrors } from '../api/errors.js';
import { homePath } from '../auth/current-user.js';
import { clearSessionExpired } from '../auth/session-expiry.js';
import { BoltIcon } from '../components/icons.js';
import type { CurrentUser } from '../api/types.js';
import { usePageTitle } from '../components/use-page-title.js';

interface FieldErrors {
  email?: string;
  password?: string;
}

function validate(email: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!email.trim()) errors.email = 'Enter your email address.';
  else if (!/^\S+@\S+\.\S+$/.test(email.trim())) errors.email = 'This does not look like an email address.';
  if (!password) errors.password = 'Enter your password.';
  return errors;
}

/** Only same-app paths are followed after login (no open redirects). */
function safeNext(next: string | null, user: CurrentUser): string {
  if (next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login')) return next;
  return homePath(user);
}

export function LoginPage() {
  usePageTitle('Log in');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const me = useQuery(trpc.auth.me.queryOptions());
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async ({ user }) => {
        clearSessionExpired();
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), { user });
        await navigate(safeNext(params.get('next'), user), { replace: true });
      },
    }),
  );

  if (me.data?.user && !login.isPending && !login.isSuccess)
    return <Navigate to={homePath(me.data.user)} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate(email, password);
    setErrors(found);
    if (found.email || found.password) return;
    login.mutate({ email: email.trim(), password });
  };
  const expired = params.get('reason') === 'expired';
  // A refusal of the input itself (400) names the field; show it there as well as above the button.
  const serverFields = login.isError ? fieldErrors(login.error) : {};

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={400} maw="100%">
        <form onSubmit={onSubmit} noValidate aria-labelledby="login-title">
          <Stack gap="md">
            <Stack gap={4} align="center">
              <BoltIcon size={32} />
              <Title order={1} size="h2" id="login-title">
                Grid Console
              </Title>
              <Text c="dimmed" size="sm" ta="center">
                Log in to the control room or your CPO portal.
              </Text>
            </Stack>
            {expired && !login.isError && (
              <Alert color="yellow" title="Session expired" data-testid="session-expired">
                Your session has expired — log in again to continue where you were.
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email ?? serverFields.email}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password ?? serverFields.password}
            />
            {login.isError && (
              <Alert color="red" title="Login failed" role="alert" data-testid="login-error">
                {apiErrorMessage(login.error)}
              </Alert>
            )}
            <Button type="submit" loading={login.isPending} fullWidth>
              Log in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
