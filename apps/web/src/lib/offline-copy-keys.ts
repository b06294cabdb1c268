/**
 * The names and small reads the offline copy's two halves share (offline-cache.ts, in every
 * page's entry, and offline-persister.ts, loaded lazily): one module both import, so neither
 * imports the other back.
 */
export const OFFLINE_DB_NAME = 'yanagawa-library';
export const OFFLINE_STORE_NAME = 'offline-cache';
export const OFFLINE_CACHE_KEY = 'query-cache';
/** A week without the network still shows the last loans; older copies are dropped. */
export const OFFLINE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** localStorage: '1' while the signed-in patron chose 「この端末に保存する」. Holds nothing personal. */
export const KEEP_ON_DEVICE_KEY = 'yanagawa-library:keep-on-device';

export function keepsOnDevice(): boolean {
  try {
    return localStorage.getItem(KEEP_ON_DEVICE_KEY) === '1';
  } catch {
    return false;
  }
}

export function removeFromSession(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // No sessionStorage: nothing stored.
  }
}
