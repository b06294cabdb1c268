import type { PasswordResetRequestResponse } from '@library/domain/api';
import type { PasswordResetRequestInput } from '@library/domain/registration';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** パスワードを忘れた方 by mail: POST /api/password-reset/request (202 whatever the number). */
export function requestResetMail(body: PasswordResetRequestInput) {
  return api<PasswordResetRequestResponse>('/password-reset/request', { method: 'POST', body });
}

export function useRequestResetMail() {
  return useMutation({ mutationFn: requestResetMail });
}
