import type { PasswordChangeInput } from '@library/domain/registration';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** 利用者情報変更: PUT /api/me/password. */
export function changePassword(body: PasswordChangeInput) {
  return api<void>('/me/password', { method: 'PUT', body });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
