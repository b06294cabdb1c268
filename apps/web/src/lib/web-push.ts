import type { PushPublicKeyResponse } from '@library/domain';
import { ApiClientError, api } from './api-client.ts';

/**
 * Web push for the installed app (docs/product.md §10): the patron switches it on in 利用者情報変更, and only
 * then does the browser ask for permission (never on page load). The subscription is made with
 * the BFF's VAPID key and kept by the BFF for the signed-in patron; the service worker
 * (public/push-sw.js, imported by the generated sw.js) shows what arrives.
 */

/** What the patron reads when something goes wrong: catalog keys (src/i18n/<lang>/settings.ts). */
export const webPushMessages = {
  unsupported: 'settings.pushUnsupported',
  denied: 'settings.pushDenied',
  dismissed: 'settings.pushDismissed',
  notReady: 'settings.pushNotReady',
  subscribeFailed: 'settings.pushSubscribeFailed',
} as const;

export type WebPushErrorCode = keyof typeof webPushMessages | 'server';

/** A failure of enablePush/disablePush with the message (a catalog key) to show beside the control. */
export class WebPushError extends Error {
  constructor(
    readonly code: WebPushErrorCode,
    message: string = code === 'server' ? webPushMessages.subscribeFailed : webPushMessages[code],
  ) {
    super(message);
  }
}

/** Whether this browser can receive web push at all (service worker, PushManager, Notification). */
function pushSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  );
}

/** base64url → the bytes `applicationServerKey` takes. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function sameKey(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.length) return false;
  const view = new Uint8Array(a);
  return view.every((byte, i) => byte === b[i]);
}

async function readyRegistration(): Promise<ServiceWorkerRegistration> {
  // No worker at all (vite dev, or it failed to install): `ready` would wait forever.
  const registration = await navigator.serviceWorker.getRegistration();
  if (!registration) throw new WebPushError('notReady');
  return navigator.serviceWorker.ready;
}

/**
 * Switches push on for this browser and the signed-in patron: asks for permission (this is the
 * only place that does, so call it from the patron's own action), subscribes with the BFF's
 * VAPID key and hands the subscription to the BFF. Throws WebPushError with the message to show.
 */
export async function enablePush(): Promise<void> {
  if (!pushSupported()) throw new WebPushError('unsupported');
  if (Notification.permission === 'denied') throw new WebPushError('denied');
  if (Notification.permission === 'default') {
    const answer = await Notification.requestPermission();
    if (answer === 'denied') throw new WebPushError('denied');
    if (answer !== 'granted') throw new WebPushError('dismissed');
  }
  const registration = await readyRegistration();
  const { publicKey } = await api<PushPublicKeyResponse>('/push/public-key').catch((error: unknown) => {
    throw new WebPushError('server', error instanceof ApiClientError ? error.message : undefined);
  });
  const applicationServerKey = base64UrlToBytes(publicKey);

  let subscription = await registration.pushManager.getSubscription();
  // Made with another key (the server's keys were replaced): the push service would refuse ours.
  if (subscription && !sameKey(subscription.options.applicationServerKey, applicationServerKey)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  if (!subscription) {
    try {
      subscription = await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'NotAllowedError') throw new WebPushError('denied');
      throw new WebPushError('subscribeFailed');
    }
  }
  const { endpoint, keys } = subscription.toJSON();
  try {
    await api('/me/push-subscriptions', { method: 'POST', body: { endpoint, keys } });
  } catch (error) {
    // The BFF does not have it: neither should the browser, or the state would say "on".
    await subscription.unsubscribe().catch(() => {});
    throw new WebPushError('server', error instanceof ApiClientError ? error.message : undefined);
  }
}

/**
 * Switches push off for this browser: unsubscribes at the push service and tells the BFF to
 * forget the subscription. If that message is lost (offline), the push service answers the
 * BFF's next push with 410 and the BFF deletes it then: nothing more reaches this browser.
 */
export async function disablePush(): Promise<void> {
  if (!pushSupported()) return;
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) return;
  const { endpoint } = subscription;
  await subscription.unsubscribe();
  await api('/me/push-subscriptions', { method: 'DELETE', body: { endpoint } }).catch(() => {});
}
