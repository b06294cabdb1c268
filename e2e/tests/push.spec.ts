/// <reference lib="dom" />
/// <reference lib="webworker" />
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.ts';

/**
 * Web push in the installed app (docs/product.md §10). Chromium here cannot reach a push service (no
 * network), so a push is delivered to the service worker through the DevTools protocol
 * (ServiceWorker.deliverPushMessage: a real, trusted push event with the payload the browser
 * would have decrypted). The BFF's side — encryption, VAPID, 404/410 — is proven by
 * apps/bff/src/services/push/push-sender.test.ts against a stand-in push service.
 */
// Saving お知らせの設定 with push on changes 100000001's demo state: a server of its own.
test.use({ ownServer: 'push' });

test.skip(
  ({ isMobile }) => isMobile,
  'desktop project only: the service worker does not depend on the layout',
);

/** The reminder the scheduler pushes for the guide's three マンガ due 2021/01/25. */
const reminder = {
  title: '【柳川市立図書館】返却期限日のお知らせ',
  body: '2021年1月25日(月)が返却期限日の資料が3点あります。',
  url: '/portal/loans',
  tag: 'due-2021-01-25',
};

/** Counts what would show a permission prompt or subscribe, across navigations of the tab. */
async function countPermissionRequests(context: BrowserContext) {
  await context.addInitScript(() => {
    const bump = (name: string) =>
      sessionStorage.setItem(name, String(Number(sessionStorage.getItem(name) ?? '0') + 1));
    if ('Notification' in window) {
      const request = Notification.requestPermission.bind(Notification);
      Notification.requestPermission = (...args) => {
        bump('probe:requestPermission');
        return request(...args);
      };
    }
    if ('PushManager' in window) {
      const subscribe = PushManager.prototype.subscribe;
      PushManager.prototype.subscribe = function (this: PushManager, ...args) {
        bump('probe:subscribe');
        return subscribe.apply(this, args);
      };
    }
  });
}

function probeCounts(page: Page) {
  return page.evaluate(() => ({
    requestPermission: Number(sessionStorage.getItem('probe:requestPermission') ?? '0'),
    subscribe: Number(sessionStorage.getItem('probe:subscribe') ?? '0'),
    permission: Notification.permission,
  }));
}

async function waitForServiceWorkerControl(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null))
    .toBe('activated');
}

/** 100000001, who has allowed notifications on this origin, logged in under the service worker. */
async function loginWithNotificationsAllowed(
  context: BrowserContext,
  page: Page,
  loginAs: (patronNumber: string) => Promise<void>,
  origin: string,
) {
  await context.grantPermissions(['notifications'], { origin });
  await loginAs('100000001');
  await waitForServiceWorkerControl(page);
}

/** Delivers a push message to the page's service worker registration, as the push service would. */
async function deliverPush(context: BrowserContext, page: Page, data: unknown) {
  const cdp = await context.newCDPSession(page);
  const registrations: { registrationId: string; scopeURL: string }[] = [];
  cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => registrations.push(...event.registrations));
  await cdp.send('ServiceWorker.enable');
  const origin = new URL(page.url()).origin;
  await expect.poll(() => registrations.find((r) => r.scopeURL === `${origin}/`)).toBeTruthy();
  const { registrationId } = registrations.find((r) => r.scopeURL === `${origin}/`)!;
  await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId, data: JSON.stringify(data) });
  await cdp.detach();
}

function shownNotifications(page: Page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      icon: n.icon,
      lang: n.lang,
      data: n.data as unknown,
    }));
  });
}

test.describe('プッシュ通知', () => {
  test('no page asks for notification permission or subscribes on load', async ({
    page,
    context,
    loginAs,
  }) => {
    await countPermissionRequests(context);
    await page.goto('/');
    expect(await probeCounts(page)).toEqual({ requestPermission: 0, subscribe: 0, permission: 'default' });
    await loginAs('100000001');
    await waitForServiceWorkerControl(page);
    await page.goto('/portal/loans');
    await expect(page.getByRole('heading', { level: 1, name: '貸出一覧' })).toBeVisible();
    await page.goto('/portal');
    await page.getByRole('link', { name: '利用者情報変更' }).click();
    const push = page
      .getByRole('form', { name: 'お知らせの設定' })
      .getByRole('checkbox', { name: 'この端末にもプッシュ通知で知らせる' });
    await expect(push).toBeEnabled();
    await expect(push).not.toBeChecked();
    // A reload of the settings page does not ask either.
    await page.reload();
    await expect(push).toBeEnabled();
    expect(await probeCounts(page)).toEqual({ requestPermission: 0, subscribe: 0, permission: 'default' });
  });

  test.describe('通知を許可した利用者', () => {
    test.beforeEach(async ({ page, context, loginAs, baseURL }) => {
      await loginWithNotificationsAllowed(context, page, loginAs, baseURL!);
    });

    test('a push shows the reminder; a click on it opens 貸出一覧 in the open window', async ({
      page,
      context,
      baseURL,
    }) => {
      await deliverPush(context, page, reminder);
      // The worker may have to be started for the push first: on a busy machine that takes a while.
      await expect
        .poll(() => shownNotifications(page), { timeout: 20_000 })
        .toEqual([
          {
            title: reminder.title,
            body: reminder.body,
            tag: reminder.tag,
            icon: `${baseURL}/pwa-192x192.png`,
            lang: 'ja',
            data: { url: '/portal/loans' },
          },
        ]);
      // The same due date again replaces it (one notification per tag).
      await deliverPush(context, page, {
        ...reminder,
        body: '2021年1月25日(月)が返却期限日の資料が2点あります。',
      });
      await expect
        .poll(async () => (await shownNotifications(page)).map((n) => n.body))
        .toEqual(['2021年1月25日(月)が返却期限日の資料が2点あります。']);

      // The patron is elsewhere in the app when they click it.
      await page.goto('/calendar');
      await waitForServiceWorkerControl(page);
      const [worker] = context.serviceWorkers();
      expect(worker).toBeDefined();
      // Chromium has no way to click a notification from outside: the click event is dispatched
      // in the worker with the notification the push showed.
      await worker!.evaluate(async () => {
        const sw = self as unknown as ServiceWorkerGlobalScope;
        const [notification] = await sw.registration.getNotifications();
        sw.dispatchEvent(new NotificationEvent('notificationclick', { notification: notification! }));
      });
      await expect(page).toHaveURL(`${baseURL}/portal/loans`);
      await expect(page.getByRole('heading', { level: 1, name: '貸出一覧' })).toBeVisible();
      await expect(page.getByText('マンガ日本の歴史 現代篇 3')).toBeVisible();
      // Clicked: it is closed.
      await expect.poll(() => shownNotifications(page)).toEqual([]);
    });

    test('a push never sends the patron outside the app; one without a payload still shows', async ({
      page,
      context,
    }) => {
      await deliverPush(context, page, { ...reminder, url: 'https://evil.example/', tag: 'foreign' });
      await expect
        .poll(async () => (await shownNotifications(page)).find((n) => n.tag === 'foreign')?.data)
        .toEqual({ url: '/portal/loans' });
      await deliverPush(context, page, 'not json');
      await expect
        .poll(async () => (await shownNotifications(page)).map((n) => n.title))
        .toContain('柳川市立図書館');
    });
  });

  test('switching it on asks for permission then; a refusal or a failed subscription says so in Japanese', async ({
    page,
    context,
    loginAs,
    baseURL,
  }) => {
    await countPermissionRequests(context);
    await loginAs('100000001');
    await waitForServiceWorkerControl(page);
    await page.getByRole('link', { name: '利用者情報変更' }).click();
    const push = page
      .getByRole('form', { name: 'お知らせの設定' })
      .getByRole('checkbox', { name: 'この端末にもプッシュ通知で知らせる' });
    await expect(push).toBeEnabled();
    expect(await probeCounts(page)).toMatchObject({ requestPermission: 0 });

    const save = page.getByRole('button', { name: 'お知らせの設定を保存する' });
    // Checking the box asks nothing yet: saving お知らせの設定 does.
    await push.click();
    expect(await probeCounts(page)).toMatchObject({ requestPermission: 0 });
    // Playwright answers the prompt with "no" unless the permission was granted.
    await save.click();
    await expect(push).toHaveAccessibleDescription(/ブラウザの設定で通知が許可されていません。$/);
    expect(await probeCounts(page)).toMatchObject({ requestPermission: 1, subscribe: 0 });
    await expect(push).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('お知らせの設定を保存しました。')).toHaveCount(0);
    // The error summary links to the field.
    await expect(
      page.getByRole('link', { name: 'ブラウザの設定で通知が許可されていません。' }),
    ).toHaveAttribute('href', '#notify-push');

    // Allowed: the key comes from the BFF and the browser subscribes with it. (Headless Chromium
    // has no push service in a Playwright context: its subscribe() refuses, which is shown.)
    await context.grantPermissions(['notifications'], { origin: baseURL });
    const publicKey = page.waitForResponse((r) => r.url().endsWith('/api/push/public-key') && r.ok());
    let posted = false;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/me/push-subscriptions')) posted = true;
    });
    await save.click();
    await publicKey;
    await expect(push).toHaveAccessibleDescription(
      /プッシュ通知の登録に失敗しました。しばらくしてからもう一度お試しください。$/,
    );
    expect(await probeCounts(page)).toMatchObject({ subscribe: 1, permission: 'granted' });
    expect(posted).toBe(false);
    // Nothing was saved: after a reload the choice is off again.
    await page.reload();
    await expect(push).not.toBeChecked();
  });
});

/**
 * The browser's push service stand-in: pushManager.subscribe() cannot finish in this offline
 * Chromium (it waits for the vendor's push service), so it is replaced in the page by one that
 * makes a subscription as a browser would — a fresh P-256 key pair and auth secret — and records
 * the applicationServerKey it was asked for. Everything else (permission, our code, the BFF)
 * is real.
 */
async function standInPushService(context: BrowserContext) {
  await context.addInitScript(() => {
    const b64url = (bytes: ArrayBuffer) =>
      btoa(String.fromCharCode(...new Uint8Array(bytes)))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    const key = 'standin:subscription';
    const make = (stored: { endpoint: string; p256dh: string; auth: string; serverKey: string }) => ({
      endpoint: stored.endpoint,
      expirationTime: null,
      options: {
        userVisibleOnly: true,
        applicationServerKey: Uint8Array.from(
          atob(stored.serverKey.replace(/-/g, '+').replace(/_/g, '/')),
          (c) => c.charCodeAt(0),
        ).buffer,
      },
      toJSON: () => ({
        endpoint: stored.endpoint,
        expirationTime: null,
        keys: { p256dh: stored.p256dh, auth: stored.auth },
      }),
      unsubscribe: async () => {
        localStorage.removeItem(key);
        return true;
      },
    });
    PushManager.prototype.getSubscription = async () => {
      const stored = localStorage.getItem(key);
      return (stored ? make(JSON.parse(stored)) : null) as unknown as PushSubscription;
    };
    PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) => {
      if (Notification.permission !== 'granted') throw new DOMException('denied', 'NotAllowedError');
      const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
        'deriveBits',
      ]);
      const stored = {
        endpoint: `https://push.example.test/e2e/${crypto.randomUUID()}`,
        p256dh: b64url(await crypto.subtle.exportKey('raw', pair.publicKey)),
        auth: b64url(crypto.getRandomValues(new Uint8Array(16)).buffer),
        serverKey: b64url((options!.applicationServerKey as Uint8Array).slice().buffer),
      };
      localStorage.setItem(key, JSON.stringify(stored));
      return make(stored) as unknown as PushSubscription;
    };
  });
}

test.describe('プッシュ通知の登録と解除', () => {
  test('on: subscribes with the BFF’s key and the BFF keeps it (201); off: unsubscribes and the BFF forgets it (204)', async ({
    page,
    context,
    loginAs,
    baseURL,
    request,
  }) => {
    await standInPushService(context);
    await loginWithNotificationsAllowed(context, page, loginAs, baseURL!);
    await page.getByRole('link', { name: '利用者情報変更' }).click();
    const push = page
      .getByRole('form', { name: 'お知らせの設定' })
      .getByRole('checkbox', { name: 'この端末にもプッシュ通知で知らせる' });
    await expect(push).not.toBeChecked();

    const { publicKey } = (await (await request.get('/api/push/public-key')).json()) as { publicKey: string };
    const posted = page.waitForRequest(
      (r) => r.url().endsWith('/api/me/push-subscriptions') && r.method() === 'POST',
    );
    const save = page.getByRole('button', { name: 'お知らせの設定を保存する' });
    await push.click();
    await save.click();
    const post = await posted;
    expect((await post.response())!.status()).toBe(201);
    const body = post.postDataJSON() as { endpoint: string; keys: { p256dh: string; auth: string } };
    expect(body.endpoint).toMatch(/^https:\/\/push\.example\.test\/e2e\//);
    expect(body.keys.p256dh).toMatch(/^B[A-Za-z0-9_-]{86}$/);
    expect(body.keys.auth).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('standin:subscription')!));
    expect(stored.serverKey).toBe(publicKey);
    await expect(push).toBeChecked();
    await expect(page.getByText('お知らせの設定を保存しました。')).toBeFocused();

    // A reload shows it on (the saved choice).
    await page.reload();
    await expect(push).toBeChecked();

    const deleted = page.waitForRequest(
      (r) => r.url().endsWith('/api/me/push-subscriptions') && r.method() === 'DELETE',
    );
    await push.click();
    await save.click();
    const del = await deleted;
    expect((await del.response())!.status()).toBe(204);
    expect(del.postDataJSON()).toEqual({ endpoint: body.endpoint });
    await expect(page.getByText('お知らせの設定を保存しました。')).toBeFocused();
    expect(await page.evaluate(() => localStorage.getItem('standin:subscription'))).toBeNull();
    await page.reload();
    await expect(push).not.toBeChecked();
  });
});
