import type { PasswordResetCompleteInput } from '@library/domain/registration';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** The new password: POST /api/password-reset/complete (204; every session of the patron ends). */
export function completeReset(body: PasswordResetCompleteInput) {
  return api<void>('/password-reset/complete', { method: 'POST', body });
}

export function useCompleteReset() {
  return useMutation({ mutationFn: completeReset });
}
