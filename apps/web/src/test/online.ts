import { vi } from 'vitest';

/** Puts the browser on or off line as it would: `navigator.onLine` and the window's event. */
export function setOnline(online: boolean): void {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}
