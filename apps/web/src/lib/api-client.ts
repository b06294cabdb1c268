import type { ApiErrorBody } from '@library/domain';
import { errorKey, t } from '@library/domain';
import { getLanguage } from './i18n.ts';

/** An error answer of the BFF, in the one shape of docs/product.md §6. */
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        // Error messages come back in the language on screen (SPEC §12).
        'Accept-Language': getLanguage(),
        ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...init.headers,
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  } catch {
    throw new ApiClientError(0, 'network_error', t(getLanguage(), 'layout.serverUnreachable'));
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (!response.ok) {
    const error = (body as ApiErrorBody | undefined)?.error;
    const retryAfter = Number(response.headers.get('Retry-After'));
    throw new ApiClientError(
      response.status,
      error?.code ?? 'internal_error',
      error?.message ?? t(getLanguage(), errorKey('internal_error')),
      error?.fields,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  return body as T;
}
