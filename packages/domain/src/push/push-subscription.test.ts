import { describe, expect, it } from 'vitest';
import { pushPayloadSchema, pushSubscriptionSchema } from './push-subscription.ts';

const point = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const p256dh = point(new Uint8Array(65).fill(4, 0, 1).fill(7, 1));
const auth = point(new Uint8Array(16).fill(9));

describe('pushSubscriptionSchema', () => {
  const schema = pushSubscriptionSchema();
  const ok = (endpoint: string, keys = { p256dh, auth }) => schema.safeParse({ endpoint, keys }).success;

  it('takes what browsers send', () => {
    expect(ok('https://fcm.googleapis.com/fcm/send/abc:APA91')).toBe(true);
    expect(ok('https://updates.push.services.mozilla.com/wpush/v2/gAAAA')).toBe(true);
    expect(ok('https://web.push.apple.com/QGuQ')).toBe(true);
  });

  it('takes base64url keys of exactly 65 and 16 bytes, nothing near them', () => {
    for (let n = 60; n <= 70; n++) {
      const key = point(new Uint8Array(n).fill(4, 0, 1));
      expect(ok('https://fcm.googleapis.com/x', { p256dh: key, auth })).toBe(n === 65);
    }
    for (let n = 12; n <= 20; n++) {
      expect(ok('https://fcm.googleapis.com/x', { p256dh, auth: point(new Uint8Array(n)) })).toBe(n === 16);
    }
    // Padding, and a last character with bits an encoder never sets.
    expect(ok('https://fcm.googleapis.com/x', { p256dh, auth: `${auth}==` })).toBe(false);
    expect(ok('https://fcm.googleapis.com/x', { p256dh, auth: `${auth.slice(0, 21)}B` })).toBe(false);
    expect(ok('https://fcm.googleapis.com/x', { p256dh: `${p256dh.slice(0, 86)}B`, auth })).toBe(false);
  });

  it('refuses hosts on this machine or a private network unless loopback is allowed', () => {
    for (const host of [
      '127.0.0.1',
      'localhost',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.0.1',
      '169.254.169.254',
      '[::1]',
      'a.localhost',
    ]) {
      expect(ok(`https://${host}/push`)).toBe(false);
    }
    const loopback = pushSubscriptionSchema({ allowLoopback: true });
    expect(loopback.safeParse({ endpoint: 'https://127.0.0.1:9443/p', keys: { p256dh, auth } }).success).toBe(
      true,
    );
    expect(loopback.safeParse({ endpoint: 'https://192.168.0.1/p', keys: { p256dh, auth } }).success).toBe(
      false,
    );
  });
});

describe('pushPayloadSchema', () => {
  const payload = { title: 't', body: 'b', url: '/portal/loans', tag: 'due-2021-01-25' };
  it('takes a path of this app only', () => {
    expect(pushPayloadSchema.safeParse(payload).success).toBe(true);
    for (const url of ['https://evil.example/', '//evil.example', '/\\evil.example', 'portal/loans']) {
      expect(pushPayloadSchema.safeParse({ ...payload, url }).success).toBe(false);
    }
  });
});
