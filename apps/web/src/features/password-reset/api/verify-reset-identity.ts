import type { PasswordResetVerifyResponse } from '@library/domain/api';
import type { PasswordResetVerifyInput } from '@library/domain/registration';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export type VerifyResetIdentityResult = PasswordResetVerifyResponse;

/** パスワードを忘れた方 by identity: POST /api/password-reset/verify. */
export function verifyResetIdentity(body: PasswordResetVerifyInput) {
  return api<VerifyResetIdentityResult>('/password-reset/verify', { method: 'POST', body });
}

export function useVerifyResetIdentity() {
  return useMutation({ mutationFn: verifyResetIdentity });
}
