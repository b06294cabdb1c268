import { Sip2Connection, Sip2ConnectionLostError } from './connection.ts';
import { Sip2ProtocolError, Sip2TimeoutError, Sip2UnavailableError } from './errors.ts';
import { maskIdentifier } from './mask.ts';
import type { Sip2Message } from './message.ts';
import {
  parseAcsStatus,
  parseEndSessionResponse,
  parseItemInformation,
  parseLoginResponse,
  parsePatronInformation,
  parsePatronStatus,
  parseRenewResponse,
  requests,
  SUMMARY_FIELD,
} from './messages.ts';
import { formatSip2Timestamp } from './timestamp.ts';
import type {
  AcsStatus,
  ItemInformation,
  PatronInformation,
  PatronStatus,
  RenewResult,
  Sip2Config,
  Sip2Logger,
  Sip2Stats,
} from './types.ts';

/** A refused login (94 ok=0): a configuration problem, not a network one. */
export class Sip2LoginRefusedError extends Sip2UnavailableError {
  constructor() {
    super('SIP2 login refused by the ACS (check the SIP2 user and password)');
    this.name = 'Sip2LoginRefusedError';
  }
}

interface Slot {
  index: number;
  connection: Sip2Connection | null;
  owned: boolean;
  opened: number;
}

interface Waiter {
  resolve(slot: Slot): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** How a request may be repeated when its answer cannot be trusted. */
type RetryPolicy = 'once' | 'never';

const silentLogger: Sip2Logger = { info() {}, warn() {}, error() {} };

/**
 * A pool of `poolSize` logged-in SIP2 connections. Connections are opened and logged in (93,
 * then 99) when first needed and kept; a broken one is replaced on the next request. Each
 * connection carries one request at a time; callers queue for a free one for at most timeoutMs.
 */
export class Sip2Pool {
  private readonly config: Sip2Config;
  private readonly logger: Sip2Logger;
  private readonly now: () => Date;
  private readonly slots: Slot[];
  private readonly waiters: Waiter[] = [];
  private nextConnectionId = 1;
  private closed = false;
  private failing = false;
  private loginRefusedLogged = false;
  private readonly counters: Sip2Stats = { requests: 0, answers: 0, retries: 0, reconnects: 0 };

  constructor(config: Sip2Config, options: { logger?: Sip2Logger; now?: () => Date } = {}) {
    if (!Number.isInteger(config.poolSize) || config.poolSize < 1)
      throw new RangeError('SIP2 poolSize must be ≥ 1');
    if (!(config.timeoutMs > 0)) throw new RangeError('SIP2 timeoutMs must be > 0');
    this.config = config;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? (() => new Date());
    this.slots = Array.from({ length: config.poolSize }, (_, index) => ({
      index,
      connection: null,
      owned: false,
      opened: 0,
    }));
  }

  // ── the messages ────────────────────────────────────────────────────────────

  async scStatus(): Promise<AcsStatus> {
    return parseAcsStatus(await this.request(requests.scStatus(), 'once', {}));
  }

  async patronStatus(patronId: string, options: { patronPassword?: string } = {}): Promise<PatronStatus> {
    const text = requests.patronStatus(
      this.date(),
      this.config.institution,
      patronId,
      options.patronPassword,
    );
    return parsePatronStatus(await this.request(text, 'once', { patron: patronId }));
  }

  async patronInformation(
    patronId: string,
    options: { patronPassword?: string; summary?: 'charged' | 'overdue' | 'hold' | 'none' } = {},
  ): Promise<PatronInformation> {
    const summary = options.summary ?? 'charged';
    const pageSize = this.config.pageSize ?? 50;
    const ask = async (range?: { start: number; end: number }) =>
      parsePatronInformation(
        await this.request(
          requests.patronInformation(
            this.date(),
            this.config.institution,
            patronId,
            summary,
            range,
            options.patronPassword,
          ),
          'once',
          { patron: patronId },
        ),
      );
    if (summary === 'none') return ask();
    const listOf = (info: PatronInformation) =>
      summary === 'charged' ? info.chargedItems : summary === 'overdue' ? info.overdueItems : info.holdItems;
    const first = await ask({ start: 1, end: pageSize });
    const total = {
      charged: first.chargedItemsCount,
      overdue: first.overdueItemsCount,
      hold: first.holdItemsCount,
    }[summary];
    const items = [...listOf(first)];
    // BP/BQ: ask for the next range until the list is as long as the count says. An ILS that
    // ignores the range answers with the whole list (or the same first page): stop then.
    while (items.length < total) {
      const start = items.length + 1;
      const more = listOf(await ask({ start, end: start + pageSize - 1 }));
      if (more.length === 0 || more[0] === items[0]) {
        if (more.length > items.length) items.splice(0, items.length, ...more);
        else
          this.logger.warn({ event: 'sip2.list_incomplete', list: summary, got: items.length, count: total });
        break;
      }
      items.push(...more);
    }
    const result: PatronInformation = {
      ...first,
      fields: { ...first.fields, [SUMMARY_FIELD[summary]]: items },
    };
    if (summary === 'charged') result.chargedItems = items;
    if (summary === 'overdue') result.overdueItems = items;
    if (summary === 'hold') result.holdItems = items;
    return result;
  }

  async itemInformation(itemId: string): Promise<ItemInformation> {
    const text = requests.itemInformation(this.date(), this.config.institution, itemId);
    return parseItemInformation(await this.request(text, 'once', { item: itemId }));
  }

  /** Many items at once: one worker per pooled connection pulls the next id; order kept. */
  async itemInformationMany(itemIds: string[]): Promise<ItemInformation[]> {
    const results = new Array<ItemInformation>(itemIds.length);
    let next = 0;
    let failed = false;
    const worker = async () => {
      while (!failed && next < itemIds.length) {
        const i = next++;
        try {
          results[i] = await this.itemInformation(itemIds[i]!);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    };
    const workers = Math.min(this.config.poolSize, itemIds.length);
    await Promise.all(Array.from({ length: workers }, worker));
    return results;
  }

  /**
   * 29 → 30. Never resent: when the answer is late, garbled or the connection breaks after the
   * request went out, the ILS may have renewed the item — Sip2TimeoutError ("outcome unknown"),
   * and the caller reads the item again (17) to find out.
   */
  async renew(
    patronId: string,
    itemId: string,
    options: { patronPassword?: string } = {},
  ): Promise<RenewResult> {
    const text = requests.renew(
      this.date(),
      this.config.institution,
      patronId,
      itemId,
      options.patronPassword,
    );
    return parseRenewResponse(await this.request(text, 'never', { patron: patronId, item: itemId }));
  }

  async endSession(patronId: string, options: { patronPassword?: string } = {}): Promise<void> {
    const text = requests.endSession(this.date(), this.config.institution, patronId, options.patronPassword);
    parseEndSessionResponse(await this.request(text, 'once', { patron: patronId }));
  }

  status(): 'ok' | 'unavailable' {
    return this.failing ? 'unavailable' : 'ok';
  }

  stats(): Sip2Stats {
    return { ...this.counters };
  }

  /** How many connections are open and logged in right now. */
  openConnections(): number {
    return this.slots.filter((s) => s.connection?.alive).length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new Sip2UnavailableError('SIP2 pool closed'));
    }
    for (const slot of this.slots) {
      slot.connection?.destroy('pool closed');
      slot.connection = null;
    }
  }

  // ── the machinery ──────────────────────────────────────────────────────────

  private date(): string {
    return formatSip2Timestamp(this.now());
  }

  /**
   * One request: a free connection (opened and logged in if needed), the exchange, and the
   * retry policy. A read ('once') whose answer is untrusted is sent once more on the same
   * connection; a read whose connection broke is sent once more on a fresh one. Then the
   * connection is dropped and the error thrown.
   */
  private async request(
    text: string,
    retry: RetryPolicy,
    context: { patron?: string; item?: string },
  ): Promise<Sip2Message> {
    const code = text.slice(0, 2);
    const logContext = {
      message: code,
      ...(context.patron !== undefined ? { patron: maskIdentifier(context.patron) } : {}),
      ...(context.item !== undefined ? { item: context.item } : {}),
    };
    let retried = false;
    const slot = await this.acquire();
    try {
      for (;;) {
        let connection: Sip2Connection;
        try {
          connection = await this.connectionOf(slot);
        } catch (error) {
          this.markFailed();
          throw error;
        }
        const started = performance.now();
        try {
          this.counters.requests++;
          const answer = await connection.exchange(text);
          this.counters.answers++;
          this.markOk();
          this.logger.debug?.({
            event: 'sip2.answer',
            ...logContext,
            connection: connection.id,
            ms: Math.round(performance.now() - started),
          });
          return answer;
        } catch (error) {
          if (error instanceof Sip2TimeoutError) {
            this.markFailed();
            this.logger.warn({ event: 'sip2.timeout', ...logContext, connection: connection.id });
            throw error;
          }
          const untrusted = error instanceof Sip2ProtocolError;
          const lost = error instanceof Sip2ConnectionLostError;
          if (!untrusted && !lost) throw error;
          const reason = (error as Error).message;
          if (retry === 'once' && !retried) {
            retried = true;
            this.counters.retries++;
            this.logger.warn({ event: 'sip2.retry', ...logContext, connection: connection.id, reason });
            continue; // same slot: the same connection when it still lives, else a fresh one
          }
          connection.destroy(untrusted ? 'untrusted answer' : 'connection lost');
          this.markFailed();
          this.logger.warn({ event: 'sip2.failed', ...logContext, connection: connection.id, reason });
          if (retry === 'never' && (untrusted || (error as Sip2ConnectionLostError).sent)) {
            throw new Sip2TimeoutError(`SIP2 ${code}: outcome unknown (${reason})`, { cause: error });
          }
          throw new Sip2UnavailableError(`SIP2 ${code}: ${reason}`, { cause: error });
        }
      }
    } finally {
      this.release(slot);
    }
  }

  private markOk(): void {
    if (this.failing) this.logger.info({ event: 'sip2.available' });
    this.failing = false;
  }

  private markFailed(): void {
    if (!this.failing) this.logger.warn({ event: 'sip2.unavailable' });
    this.failing = true;
  }

  /** The slot's live connection, or a new one, opened and logged in. */
  private async connectionOf(slot: Slot): Promise<Sip2Connection> {
    if (slot.connection?.alive) return slot.connection;
    slot.connection = null;
    if (this.closed) throw new Sip2UnavailableError('SIP2 pool closed');
    const connection = new Sip2Connection(this.config, this.nextConnectionId++, (c, reason) => {
      if (slot.connection === c) slot.connection = null;
      this.logger.info({ event: 'sip2.disconnected', connection: c.id, reason });
    });
    if (slot.opened > 0) this.counters.reconnects++;
    slot.opened++;
    await connection.open();
    try {
      const login = await connection.exchange(
        requests.login(this.config.user, this.config.password, this.config.location),
      );
      if (!parseLoginResponse(login)) {
        if (!this.loginRefusedLogged) {
          this.loginRefusedLogged = true;
          this.logger.error(
            {
              event: 'sip2.login_refused',
              user: this.config.user,
              host: this.config.host,
              port: this.config.port,
            },
            'SIP2 login refused: check SIP2_USER and SIP2_PASSWORD',
          );
        }
        throw new Sip2LoginRefusedError();
      }
      this.loginRefusedLogged = false;
      // 99 tells the ACS we speak 2.00 (some servers need it before 2.00 messages).
      parseAcsStatus(await connection.exchange(requests.scStatus()));
    } catch (error) {
      connection.destroy('login failed');
      if (error instanceof Sip2LoginRefusedError) throw error;
      // Not a Sip2TimeoutError even when the login timed out: the caller's request never went out.
      throw new Sip2UnavailableError(`SIP2 login failed: ${(error as Error).message}`, { cause: error });
    }
    this.logger.info({
      event: 'sip2.connected',
      connection: connection.id,
      host: this.config.host,
      port: this.config.port,
      tls: this.config.tls,
    });
    slot.connection = connection;
    if (this.closed) {
      connection.destroy('pool closed');
      throw new Sip2UnavailableError('SIP2 pool closed');
    }
    return connection;
  }

  /** A free slot: one with a live connection first, else an empty one, else wait (≤ timeoutMs). */
  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(new Sip2UnavailableError('SIP2 pool closed'));
    const free = this.slots.find((s) => !s.owned && s.connection?.alive) ?? this.slots.find((s) => !s.owned);
    if (free) {
      free.owned = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          const i = this.waiters.indexOf(waiter);
          if (i >= 0) this.waiters.splice(i, 1);
          reject(new Sip2UnavailableError(`SIP2: no connection free within ${this.config.timeoutMs} ms`));
        }, this.config.timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  private release(slot: Slot): void {
    const waiter = this.waiters.shift();
    if (waiter) {
      clearTimeout(waiter.timer);
      waiter.resolve(slot); // stays owned: handed over
      return;
    }
    slot.owned = false;
  }
}
