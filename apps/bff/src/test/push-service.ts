import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  hkdfSync,
  randomBytes,
  verify as verifySignature,
} from 'node:crypto';
import { Agent, createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

/**
 * Test kit for web push: a stand-in push service (HTTPS on 127.0.0.1 with a throwaway certificate
 * — web-push only speaks https), a browser-side subscription whose private key and auth secret
 * the test holds, the RFC 8291 decryption a browser does, and the check of the VAPID
 * Authorization header (RFC 8292). Nothing here is product code.
 */

export interface ReceivedPush {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** What the stand-in answers the next request with (default 201, as real push services do). */
export type Responder = (request: ReceivedPush) => number;

export async function startPushService() {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  });
  const received: ReceivedPush[] = [];
  let respond: Responder = () => 201;
  const server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const push = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      received.push(push);
      res.statusCode = respond(push);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  // Trusts exactly this certificate, as the sender's TLS agent.
  const agent = new Agent({ ca: pems.cert, keepAlive: false });
  return {
    origin: `https://127.0.0.1:${port}`,
    received,
    agent,
    respondWith(responder: Responder) {
      respond = responder;
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type PushService = Awaited<ReturnType<typeof startPushService>>;

/** A browser's subscription: the P-256 key pair (user agent's) and auth secret of RFC 8291. */
export function browserSubscription(endpoint: string) {
  const ecdh = createECDH('prime256v1');
  const uaPublic = ecdh.generateKeys();
  const authSecret = randomBytes(16);
  return {
    json: {
      endpoint,
      keys: { p256dh: uaPublic.toString('base64url'), auth: authSecret.toString('base64url') },
    },
    /** Decrypts an aes128gcm body (RFC 8188 framing, RFC 8291 keys) as the browser would. */
    decrypt(body: Buffer): string {
      return decryptAes128gcm(body, ecdh, uaPublic, authSecret);
    },
  };
}

function decryptAes128gcm(
  body: Buffer,
  ecdh: ReturnType<typeof createECDH>,
  uaPublic: Buffer,
  authSecret: Buffer,
): string {
  // RFC 8188 §2.1 header: salt (16) ‖ rs (uint32) ‖ idlen (1) ‖ keyid (the sender's public key).
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const asPublic = body.subarray(21, 21 + idLength);
  if (idLength !== 65) throw new Error(`keyid is not a P-256 point: ${idLength} bytes`);
  const records = body.subarray(21 + idLength);
  if (records.length > recordSize) throw new Error('more than one record: not what a push sends');

  // RFC 8291 §3.3–3.4: the input keying material from the ECDH secret and the auth secret.
  const ecdhSecret = ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32));
  // RFC 8188 §2.2–2.3: content-encryption key and nonce from the salt.
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  // One record, sequence number 0: the nonce is used as is.
  const tag = records.subarray(records.length - 16);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(tag);
  const padded = Buffer.concat([decipher.update(records.subarray(0, records.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02 followed by zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('last record delimiter missing');
  return padded.subarray(0, end).toString('utf8');
}

export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
}

/**
 * Checks `Authorization: vapid t=<JWT>, k=<public key>` (RFC 8292 §3): k is the expected key, and
 * the ES256 JWT verifies with it. Returns the claims for the test to check.
 */
export function verifyVapidAuthorization(header: string | undefined, expectedPublicKey: string): VapidClaims {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match) throw new Error(`not a vapid Authorization header: ${header}`);
  const [, jwt, k] = match as unknown as [string, string, string];
  if (k !== expectedPublicKey) throw new Error('k is not the stored public key');
  const [head, payload, signature] = jwt.split('.') as [string, string, string];
  const header64 = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as {
    alg: string;
    typ: string;
  };
  if (header64.alg !== 'ES256') throw new Error(`alg ${header64.alg}`);
  const point = Buffer.from(k, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const ok = verifySignature(
    'sha256',
    Buffer.from(`${head}.${payload}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!ok) throw new Error('JWT signature does not verify with the stored key');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as VapidClaims;
}
