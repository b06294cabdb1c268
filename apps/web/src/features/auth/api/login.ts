import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { type SessionInfo, sessionQueryKey } from './get-session.ts';

export interface LoginBody {
  patronNumber: string;
  password: string;
}

export function login(body: LoginBody) {
  return api<{ patron: { number: string; name: string } }>('/session', { method: 'POST', body });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    // Whatever was cached belongs to the previous session; the header knows the new one at once.
    onSuccess: ({ patron }) => {
      queryClient.clear();
      queryClient.setQueryData<SessionInfo>(sessionQueryKey, { patron });
    },
  });
}
