import { QueryClient } from '@tanstack/react-query';
import { ApiClientError } from './api-client.ts';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) =>
          !(error instanceof ApiClientError && error.status >= 400 && error.status < 500) && failures < 2,
      },
    },
  });
}
