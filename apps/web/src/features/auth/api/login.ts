import type { LoginInput } from '@library/domain';
import type { LoginResponse } from '@library/domain/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { setKeepOnDevice } from '../../../lib/offline-cache.ts';
import { type SessionInfo, sessionQueryKey } from './get-session.ts';

export type LoginBody = LoginInput;

export function login(body: LoginBody) {
  return api<LoginResponse>('/session', { method: 'POST', body });
}

export interface LoginVariables extends LoginBody {
  /** 「この端末に保存する」: keep the offline copy across a browser restart (docs/product.md §8). */
  keepOnDevice: boolean;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ patronNumber, password }: LoginVariables) => login({ patronNumber, password }),
    // Whatever was cached belongs to the previous session; the header knows the new one at once.
    onSuccess: async ({ patron }, { keepOnDevice }) => {
      await setKeepOnDevice(keepOnDevice);
      const before = queryClient.getQueryData<SessionInfo>(sessionQueryKey);
      queryClient.clear();
      // The password mode is the server's, not the session's: kept (or asked again when unknown).
      if (before) queryClient.setQueryData<SessionInfo>(sessionQueryKey, { ...before, patron });
    },
  });
}
