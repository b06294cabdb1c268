import type { EmailChangeInput } from '@library/domain/registration';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** 利用者情報変更: PUT /api/me/email. */
export function changeEmail(body: EmailChangeInput) {
  return api<void>('/me/email', { method: 'PUT', body });
}

export function useChangeEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeEmail,
    // GET /api/me carries the email shown as 旧メールアドレス.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
}
