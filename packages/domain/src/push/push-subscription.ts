import { z } from 'zod';
import { messageKeys } from '../i18n/message-keys.ts';

/** The longest endpoint URL we keep (push services hand out a few hundred bytes). */
export const PUSH_ENDPOINT_MAX_LENGTH = 1024;

export const pushSubscriptionMessages = {
  endpoint: '通知の送信先が正しくありません。',
  p256dh: '通知の暗号鍵が正しくありません。',
  auth: '通知の認証情報が正しくありません。',
} as const;

/** The catalog keys of these texts: what the schemas put into their issues. */
export const pushSubscriptionKeys = messageKeys('pushSubscription', pushSubscriptionMessages);

/**
 * base64url without padding of exactly `bytes` bytes: the right length, and the unused low bits
 * of the last character zero (what every encoder writes, so a re-encoding round-trips).
 */
function base64urlOfLength(bytes: number): RegExp {
  const chars = Math.ceil((bytes * 4) / 3);
  const spareBits = chars * 6 - bytes * 8;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const last = [...alphabet].filter((_, i) => i % 2 ** spareBits === 0).join('');
  return new RegExp(`^[A-Za-z0-9_-]{${chars - 1}}[${last.replace('-', '\\-')}]$`);
}

/** An uncompressed P-256 point (0x04 ‖ x ‖ y: 65 bytes, so it starts with "B"). */
const P256DH = /^B/;
const P256DH_LENGTH = base64urlOfLength(65);
/** RFC 8291's authentication secret: 16 bytes. */
const AUTH_LENGTH = base64urlOfLength(16);

/** Hosts an endpoint may not name: this machine and private networks (the BFF posts to it). */
function isLocalOrPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  // Any IPv6 literal: push services are named by DNS, never by address.
  if (host.startsWith('[')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!v4) return false;
  const [a, b] = [Number(v4[1]), Number(v4[2])];
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    a >= 224
  );
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost';
}

export interface PushSubscriptionSchemaOptions {
  /**
   * Accept https://127.0.0.1 and https://localhost endpoints: tests stand in for the push service
   * there (PUSH_ALLOW_LOOPBACK_ENDPOINTS). Never on in production: the BFF posts to the endpoint.
   */
  allowLoopback?: boolean;
}

/** An endpoint the BFF may post to: https, no credentials, a public host, ≤ 1 KB. */
export function pushEndpointSchema(options: PushSubscriptionSchemaOptions = {}) {
  return z
    .string({ error: pushSubscriptionKeys.endpoint })
    .max(PUSH_ENDPOINT_MAX_LENGTH, pushSubscriptionKeys.endpoint)
    .refine(
      (value) => {
        if (!URL.canParse(value)) return false;
        const url = new URL(value);
        if (url.protocol !== 'https:' || url.username || url.password || url.hash) return false;
        if (options.allowLoopback && isLoopbackHost(url.hostname)) return true;
        return !isLocalOrPrivateHost(url.hostname);
      },
      { error: pushSubscriptionKeys.endpoint },
    );
}

/** POST /api/me/push-subscriptions: what `PushSubscription.toJSON()` gives in the browser. */
export function pushSubscriptionSchema(options: PushSubscriptionSchemaOptions = {}) {
  return z.object({
    endpoint: pushEndpointSchema(options),
    keys: z.object(
      {
        p256dh: z
          .string({ error: pushSubscriptionKeys.p256dh })
          .regex(P256DH, pushSubscriptionKeys.p256dh)
          .regex(P256DH_LENGTH, pushSubscriptionKeys.p256dh),
        auth: z.string({ error: pushSubscriptionKeys.auth }).regex(AUTH_LENGTH, pushSubscriptionKeys.auth),
      },
      { error: pushSubscriptionKeys.p256dh },
    ),
  });
}

export type PushSubscriptionInput = z.output<ReturnType<typeof pushSubscriptionSchema>>;

/** DELETE /api/me/push-subscriptions. */
export function pushUnsubscribeSchema(options: PushSubscriptionSchemaOptions = {}) {
  return z.object({ endpoint: pushEndpointSchema(options) });
}

/** GET /api/push/public-key (api/account.ts). */
export type { PushPublicKeyResponse } from '../api/account.ts';

/**
 * What a push carries (JSON, encrypted per RFC 8291); the service worker shows it. Kept small:
 * push services take at most 4 KB of payload.
 */
export const pushPayloadSchema = z.object({
  title: z.string().min(1).max(100),
  body: z.string().max(1000),
  /** A path of this app, opened when the notification is clicked, e.g. /portal/loans. */
  url: z.string().regex(/^\/(?!\/)[^\s\\]*$/),
  /** Notifications with the same tag replace each other (one per due date). */
  tag: z.string().min(1).max(64),
});

export type PushPayload = z.output<typeof pushPayloadSchema>;
