import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import type { Db } from '../../db/client.ts';
import { pushVapidKeys } from '../../db/schema.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const cache = new WeakMap<Db, Promise<VapidKeys>>();

/**
 * The installation's VAPID key pair, made at first start and kept in the database. Any number of
 * processes starting at once each propose a fresh pair with insert … on conflict do nothing and
 * then all read the one row that won, so every process signs with the same key (browsers
 * subscribed with it would reject pushes signed by another). Read once per process.
 */
export function vapidKeys(db: Db): Promise<VapidKeys> {
  let keys = cache.get(db);
  if (!keys) {
    keys = loadOrCreate(db);
    cache.set(db, keys);
    // A failure (database down at start) is not remembered: the next call tries again.
    keys.catch(() => cache.delete(db));
  }
  return keys;
}

async function loadOrCreate(db: Db): Promise<VapidKeys> {
  const existing = await read(db);
  if (existing) return existing;
  const proposed = webpush.generateVAPIDKeys();
  await db
    .insert(pushVapidKeys)
    .values({ id: 1, publicKey: proposed.publicKey, privateKey: proposed.privateKey })
    .onConflictDoNothing();
  const stored = await read(db);
  if (!stored) throw new Error('VAPID keys missing after insert');
  return stored;
}

async function read(db: Db): Promise<VapidKeys | undefined> {
  const [row] = await db
    .select({ publicKey: pushVapidKeys.publicKey, privateKey: pushVapidKeys.privateKey })
    .from(pushVapidKeys)
    .where(eq(pushVapidKeys.id, 1));
  return row;
}
