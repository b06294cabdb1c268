import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { clearOfflineCache } from '../../../lib/offline-cache.ts';

export function logout() {
  return api<void>('/session', { method: 'DELETE' });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Nothing personal stays on the device: neither in memory nor the offline copy in IndexedDB.
    onSettled: async () => {
      queryClient.clear();
      await clearOfflineCache();
    },
  });
}
