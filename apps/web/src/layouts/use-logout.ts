import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { notifications } from '@mantine/notifications';
import { useTRPC } from '../api/trpc.js';
import { apiErrorMessage } from '../api/errors.js';
import { clearSessionExpired } from '../auth/session-expiry.js';

/** Ends the session on the server, forgets every cached answer and returns to the login page. */
export function useLogout() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: async () => {
        clearSessionExpired();
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), { user: null });
        await navigate('/login', { replace: true });
      },
      onError: (error) => {
        notifications.show({ color: 'red', title: 'Logout failed', message: apiErrorMessage(error) });
      },
    }),
  );
}
