import net from 'node:net';
import tls from 'node:tls';
import { sip2Checksum } from '../checksum.ts';
import { encodeText, type Sip2Encoding } from '../encoding.ts';
import { FrameReader } from '../framing.ts';
import { buildMessageText, decodeMessage, type FieldList, fieldMap, type Sip2Message } from '../message.ts';
import { formatPatronStatusFlags, SUMMARY_FIELD, SUMMARY_POSITION } from '../messages.ts';
import { formatSip2LocalTimestamp } from '../timestamp.ts';
import type { PatronStatusFlags } from '../types.ts';

/** The login FakeIls accepts unless told otherwise; the SIP2 peer's config.xml has the same. */
export const TEST_SIP2_LOGIN = {
  user: 'portal',
  password: 'portal-secret',
  institution: 'YANAGAWA',
} as const;

export interface FakePatron {
  id: string;
  /** The patron's PIN (AD). No PIN: any password is accepted, as Evergreen's sample ILS does. */
  pin?: string;
  name: string;
  email?: string;
  phone?: string;
  address?: string;
  /** YYYYMMDD, sent as PB. */
  birthDate?: string;
  language?: string;
  status?: Partial<PatronStatusFlags>;
  screenMessage?: string;
}

export interface FakeItem {
  id: string;
  title: string;
  /** SIP2 media type (CK), 3 digits; default '001' (book). */
  mediaType?: string;
  permanentLocation?: string;
  /** The borrower, when the item is charged. */
  patronId?: string;
  /** A raw SIP2 timestamp, or YYYYMMDD (that day at 23:59:59 ILS time). */
  dueDate?: string;
  /** Patron ids holding the item, in queue order. */
  holds?: string[];
}

export type FakeFault =
  /** Wait before answering this message type. */
  | { kind: 'delay'; on: string; ms: number; times?: number }
  /** Close the connection when this message arrives, without answering. */
  | { kind: 'drop'; on: string; times?: number }
  /** Send only the first `bytes` bytes of the answer, then close the connection. */
  | { kind: 'truncate'; on: string; bytes: number; times?: number }
  /** Answer with a wrong AZ checksum. */
  | { kind: 'badChecksum'; on: string; times?: number }
  /** Answer with a line that is not SIP2. */
  | { kind: 'garbage'; on: string; times?: number }
  /** Answer without AY/AZ even though error detection is on. */
  | { kind: 'noChecksum'; on: string; times?: number }
  /** Apply the renewal (29) but never answer it: the "outcome unknown" case. */
  | { kind: 'silentRenew'; times?: number };

export interface FakeIlsOptions {
  user?: string;
  password?: string;
  institution?: string;
  encoding?: Sip2Encoding;
  /** Answers carry AY (echoed) and AZ; requests' checksums are verified (96 when wrong). */
  errorDetection?: boolean;
  patrons?: FakePatron[];
  items?: FakeItem[];
  /** A renewal sets the due date to now + this many days (default 14, like the peer)… */
  renewalDays?: number;
  /** …counted from now (the peer's way) or from the current due date. */
  renewFrom?: 'now' | 'due-date';
  /** The ILS's local time zone: timestamps are sent in it with a blank zone. */
  timeZone?: string;
  now?: () => Date;
  /** Honour BP/BQ in 63 (default true; Evergreen's sample ILS ignores them for charged items). */
  honourRanges?: boolean;
  /** Terminate answers with CRLF or LF instead of CR. */
  terminator?: '\r' | '\r\n' | '\n';
  /** Write every answer one byte at a time (each in its own TCP write). */
  splitAnswers?: boolean;
  /** Answer 93 with ok=0 whatever the credentials. */
  refuseLogin?: boolean;
  /** Listen with TLS. */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

export interface FakeIlsStats {
  connections: number;
  logins: number;
  /** Requests received per message type. */
  received: Record<string, number>;
  /** Most connections that had a request in progress at the same moment. */
  maxBusyConnections: number;
  /** Requests that arrived on a connection while an earlier one was still unanswered. */
  overlappingRequests: number;
  /** Requests whose checksum was wrong (answered with 96). */
  badRequestChecksums: number;
}

export interface FakeRequest {
  connection: number;
  code: string;
  fixed: string;
  fields: Record<string, string[]>;
  checksummed: boolean;
  sequence?: number;
}

interface ConnectionState {
  id: number;
  socket: net.Socket;
  loggedIn: boolean;
  busy: boolean;
  queue: Buffer[];
}

const clone = <T>(value: T): T => structuredClone(value);

/**
 * The project's own SIP2 server for tests: scripted ILS state and fault injection. It speaks
 * SIP2 2.00 as an ACS does (93/94, 99/98, 23/24, 63/64, 17/18, 29/30, 35/36), with or without
 * error detection, in UTF-8 or Shift_JIS, over TCP or TLS.
 */
export class FakeIls {
  readonly options: Required<
    Pick<
      FakeIlsOptions,
      | 'user'
      | 'password'
      | 'institution'
      | 'encoding'
      | 'errorDetection'
      | 'renewalDays'
      | 'renewFrom'
      | 'timeZone'
    >
  > &
    FakeIlsOptions;
  private readonly patrons = new Map<string, FakePatron>();
  private readonly items = new Map<string, FakeItem>();
  private faults: FakeFault[] = [];
  private server: net.Server | null = null;
  private readonly sockets = new Set<ConnectionState>();
  private nextConnection = 1;
  private busyConnections = 0;
  readonly requests: FakeRequest[] = [];
  private readonly counters: FakeIlsStats = {
    connections: 0,
    logins: 0,
    received: {},
    maxBusyConnections: 0,
    overlappingRequests: 0,
    badRequestChecksums: 0,
  };

  constructor(options: FakeIlsOptions = {}) {
    this.options = {
      ...TEST_SIP2_LOGIN,
      encoding: 'utf-8',
      errorDetection: true,
      renewalDays: 14,
      renewFrom: 'now',
      timeZone: 'Asia/Tokyo',
      ...options,
    };
    for (const p of options.patrons ?? []) this.upsertPatron(p);
    for (const i of options.items ?? []) this.upsertItem(i);
  }

  // ── lifecycle ──────────────────────────────────────────────────────────────

  /** Listens on 127.0.0.1:`port` (0: any free port); resolves with the port. */
  start(port = 0): Promise<number> {
    if (this.server) throw new Error('FakeIls already started');
    const server = this.options.tls
      ? tls.createServer({ key: this.options.tls.key, cert: this.options.tls.cert }, (s) =>
          this.onConnection(s),
        )
      : net.createServer((s) => this.onConnection(s));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve(this.port);
      });
    });
  }

  get port(): number {
    const address = this.server?.address();
    if (!address || typeof address === 'string') throw new Error('FakeIls is not listening');
    return address.port;
  }

  /** Stops listening and closes every connection (the state is kept: start() again to resume). */
  stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const c of this.sockets) c.socket.destroy();
    this.sockets.clear();
    if (!server) return Promise.resolve();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  /** Closes every open connection but keeps listening (an ILS restart seen from the client). */
  dropConnections(): void {
    for (const c of this.sockets) c.socket.destroy();
    this.sockets.clear();
  }

  openConnections(): number {
    return this.sockets.size;
  }

  // ── state ─────────────────────────────────────────────────────────────────

  upsertPatron(patron: FakePatron): void {
    this.patrons.set(patron.id, clone(patron));
  }

  upsertItem(item: FakeItem): void {
    const copy = clone(item);
    if (copy.dueDate && /^\d{8}$/.test(copy.dueDate)) copy.dueDate = `${copy.dueDate}    235959`;
    this.items.set(item.id, copy);
  }

  patron(id: string): FakePatron | undefined {
    const p = this.patrons.get(id);
    return p && clone(p);
  }

  item(id: string): FakeItem | undefined {
    const i = this.items.get(id);
    return i && clone(i);
  }

  /** Adds a fault; `times` (default: forever) counts the messages it applies to. */
  fault(fault: FakeFault): void {
    this.faults.push({ times: Number.POSITIVE_INFINITY, ...fault });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Changes an option (e.g. refuseLogin, splitAnswers) while running. */
  set<K extends keyof FakeIlsOptions>(key: K, value: FakeIlsOptions[K]): void {
    (this.options as FakeIlsOptions)[key] = value;
  }

  stats(): FakeIlsStats {
    return clone(this.counters);
  }

  // ── the protocol ─────────────────────────────────────────────────────────────

  private onConnection(socket: net.Socket): void {
    const state: ConnectionState = {
      id: this.nextConnection++,
      socket,
      loggedIn: false,
      busy: false,
      queue: [],
    };
    this.counters.connections++;
    this.sockets.add(state);
    socket.setNoDelay(true);
    const reader = new FrameReader();
    socket.on('data', (data: Buffer) => {
      for (const frame of reader.push(data)) {
        if (state.busy || state.queue.length > 0) this.counters.overlappingRequests++;
        state.queue.push(frame);
      }
      void this.drain(state);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      this.sockets.delete(state);
      if (state.busy) {
        state.busy = false;
        this.busyConnections--;
      }
      state.queue = [];
    });
  }

  private async drain(state: ConnectionState): Promise<void> {
    if (state.busy) return;
    const frame = state.queue.shift();
    if (!frame) return;
    state.busy = true;
    this.busyConnections++;
    this.counters.maxBusyConnections = Math.max(this.counters.maxBusyConnections, this.busyConnections);
    try {
      await this.handle(state, frame);
    } finally {
      if (state.busy) {
        state.busy = false;
        this.busyConnections--;
      }
    }
    if (!state.socket.destroyed) void this.drain(state);
  }

  private takeFault<K extends FakeFault['kind']>(
    kind: K,
    code: string,
  ): Extract<FakeFault, { kind: K }> | undefined {
    const fault = this.faults.find(
      (f) =>
        f.kind === kind && (f.kind === 'silentRenew' ? code === '29' : f.on === code) && (f.times ?? 1) > 0,
    );
    if (!fault) return undefined;
    fault.times = (fault.times ?? 1) - 1;
    return fault as Extract<FakeFault, { kind: K }>;
  }

  private async handle(state: ConnectionState, frame: Buffer): Promise<void> {
    const { encoding, errorDetection } = this.options;
    let request: Sip2Message;
    try {
      request = decodeMessage(frame, encoding);
    } catch {
      // a request that is not SIP2, or whose checksum is wrong: ask for a resend
      this.counters.badRequestChecksums++;
      await this.write(state, '96', undefined, true);
      return;
    }
    const code = request.code;
    this.counters.received[code] = (this.counters.received[code] ?? 0) + 1;
    const fields = fieldMap(request);
    const entry: FakeRequest = {
      connection: state.id,
      code,
      fixed: request.fixed,
      fields,
      checksummed: request.checksummed,
    };
    if (request.sequence !== undefined) entry.sequence = request.sequence;
    this.requests.push(entry);

    if (this.takeFault('drop', code)) {
      state.socket.destroy();
      return;
    }
    const delay = this.takeFault('delay', code);
    if (delay) await new Promise((r) => setTimeout(r, delay.ms));
    if (state.socket.destroyed) return;

    if (code !== '93' && code !== '99' && !state.loggedIn) {
      state.socket.destroy(); // an ACS drops a terminal that has not logged in
      return;
    }
    const answer = this.answer(state, code, request.fixed, fields);
    if (answer === null) return;
    if (code === '29' && this.takeFault('silentRenew', code)) return;
    await this.write(
      state,
      answer,
      request.sequence,
      errorDetection && !this.takeFault('noChecksum', code),
      code,
    );
  }

  private async write(
    state: ConnectionState,
    text: string,
    sequence: number | undefined,
    withChecksum: boolean,
    requestCode?: string,
  ): Promise<void> {
    const { encoding } = this.options;
    const terminator = this.options.terminator ?? '\r';
    let bytes: Buffer;
    if (requestCode && this.takeFault('garbage', requestCode)) {
      bytes = Buffer.from(`#!garbage${'\u0000'}not-sip2${terminator}`, 'latin1');
    } else if (withChecksum) {
      const body = encodeText(`${text}${sequence !== undefined ? `AY${sequence}` : ''}AZ`, encoding);
      let checksum = sip2Checksum(body);
      if (requestCode && this.takeFault('badChecksum', requestCode)) {
        checksum = ((Number.parseInt(checksum, 16) ^ 0x0101) & 0xffff)
          .toString(16)
          .toUpperCase()
          .padStart(4, '0');
      }
      bytes = Buffer.concat([body, Buffer.from(checksum + terminator, 'latin1')]);
    } else {
      bytes = Buffer.concat([encodeText(text, encoding), Buffer.from(terminator, 'latin1')]);
    }
    const truncate = requestCode ? this.takeFault('truncate', requestCode) : undefined;
    if (truncate) {
      state.socket.write(bytes.subarray(0, truncate.bytes));
      state.socket.end();
      return;
    }
    if (this.options.splitAnswers) {
      for (const byte of bytes) {
        if (state.socket.destroyed) return;
        state.socket.write(Buffer.of(byte));
        await new Promise((r) => setTimeout(r, 0));
      }
      return;
    }
    state.socket.write(bytes);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private stamp(date = this.now()): string {
    return formatSip2LocalTimestamp(date, this.options.timeZone);
  }

  private chargedTo(patronId: string): FakeItem[] {
    return [...this.items.values()].filter((i) => i.patronId === patronId);
  }

  private overdueOf(patronId: string): FakeItem[] {
    const now = this.stamp();
    return this.chargedTo(patronId).filter((i) => i.dueDate !== undefined && i.dueDate < now);
  }

  private heldBy(patronId: string): FakeItem[] {
    return [...this.items.values()].filter((i) => i.holds?.includes(patronId));
  }

  private passwordState(patron: FakePatron, password: string | undefined): string | undefined {
    if (password === undefined) return undefined;
    return !patron.pin || patron.pin === password ? 'Y' : 'N';
  }

  private answer(
    state: ConnectionState,
    code: string,
    fixed: string,
    f: Record<string, string[]>,
  ): string | null {
    const get = (id: string) => f[id]?.[0];
    const inst = this.options.institution;
    const build = (answerCode: string, answerFixed: string, fields: FieldList) =>
      buildMessageText(answerCode, answerFixed, fields);
    switch (code) {
      case '93': {
        const ok =
          !this.options.refuseLogin && get('CN') === this.options.user && get('CO') === this.options.password;
        state.loggedIn = ok;
        if (ok) this.counters.logins++;
        return build('94', ok ? '1' : '0', []);
      }
      case '99':
        return build('98', `YYYYNN010003${this.stamp()}2.00`, [
          ['AO', inst],
          ['AM', 'Fake ILS'],
          ['BX', 'YYYYYYYYYYYYYYYY'],
        ]);
      case '23': {
        const patron = this.patrons.get(get('AA') ?? '');
        const lang = fixed.slice(0, 3) || '000';
        if (!patron) {
          return build('24', `YYYY${' '.repeat(10)}${lang}${this.stamp()}`, [
            ['AO', inst],
            ['AA', get('AA') ?? ''],
            ['AE', ''],
            ['BL', 'N'],
          ]);
        }
        return build(
          '24',
          `${formatPatronStatusFlags(patron.status ?? {})}${patron.language ?? lang}${this.stamp()}`,
          [
            ['AO', inst],
            ['AA', patron.id],
            ['AE', patron.name],
            ['BL', 'Y'],
            ['CQ', this.passwordState(patron, get('AD'))],
            ['AF', patron.screenMessage || undefined],
          ],
        );
      }
      case '63': {
        const patron = this.patrons.get(get('AA') ?? '');
        const lang = fixed.slice(0, 3) || '000';
        if (!patron) {
          return build('64', `YYYY${' '.repeat(10)}${lang}${this.stamp()}${'0000'.repeat(6)}`, [
            ['AO', inst],
            ['AA', get('AA') ?? ''],
            ['AE', ''],
            ['BL', 'N'],
          ]);
        }
        const charged = this.chargedTo(patron.id);
        const overdue = this.overdueOf(patron.id);
        const held = this.heldBy(patron.id);
        const count = (n: number) => String(Math.min(n, 9999)).padStart(4, '0');
        const summary = fixed.slice(21, 31);
        const position = summary.indexOf('Y');
        const lists: Record<number, FakeItem[]> = {
          [SUMMARY_POSITION.hold]: held,
          [SUMMARY_POSITION.overdue]: overdue,
          [SUMMARY_POSITION.charged]: charged,
        };
        let detail: Array<[string, string]> = [];
        const list = lists[position];
        if (list) {
          const fid = Object.entries(SUMMARY_POSITION).find(
            ([, p]) => p === position,
          )![0] as keyof typeof SUMMARY_FIELD;
          let ids = list.map((i) => i.id);
          const start = Number(get('BP') ?? '');
          const end = Number(get('BQ') ?? '');
          if (this.options.honourRanges !== false && start >= 1) {
            ids = ids.slice(start - 1, end >= start ? end : undefined);
          }
          detail = ids.map((id) => [SUMMARY_FIELD[fid], id]);
        }
        return build(
          '64',
          `${formatPatronStatusFlags(patron.status ?? {})}${patron.language ?? lang}${this.stamp()}` +
            `${count(held.length)}${count(overdue.length)}${count(charged.length)}${'0000'.repeat(3)}`,
          [
            ['AO', inst],
            ['AA', patron.id],
            ['AE', patron.name],
            ['BD', patron.address],
            ['BE', patron.email],
            ['BF', patron.phone],
            ...detail,
            ['BL', 'Y'],
            ['CQ', this.passwordState(patron, get('AD'))],
            ['PB', patron.birthDate],
            ['AF', patron.screenMessage || undefined],
          ],
        );
      }
      case '17': {
        const item = this.items.get(get('AB') ?? '');
        if (!item) {
          return build('18', `010101${this.stamp()}`, [
            ['AB', get('AB') ?? ''],
            ['AJ', ''],
          ]);
        }
        const circulation = item.patronId ? '04' : item.holds?.length ? '08' : '03';
        return build('18', `${circulation}0001${this.stamp()}`, [
          ['AB', item.id],
          ['AJ', item.title],
          ['CK', item.mediaType ?? '001'],
          ['AQ', item.permanentLocation],
          ['CF', String(item.holds?.length ?? 0)],
          ['AH', item.patronId ? item.dueDate : undefined],
        ]);
      }
      case '29': {
        const patronId = get('AA') ?? '';
        const itemId = get('AB') ?? '';
        const patron = this.patrons.get(patronId);
        const item = this.items.get(itemId);
        const refuse = (message: string) =>
          build('30', `0NUN${this.stamp()}`, [
            ['AO', inst],
            ['AA', patronId],
            ['AB', itemId],
            ['AJ', item?.title ?? ''],
            ['AH', ''],
            ['AF', message],
          ]);
        if (!patron) return refuse('Invalid patron barcode.');
        if (this.passwordState(patron, get('AD')) === 'N') return refuse('Invalid patron password.');
        if (patron.status?.renewalPrivilegesDenied) return refuse('Renewals not allowed.');
        if (!item || item.patronId !== patron.id) return refuse(`Item not checked out to ${patron.name}`);
        if (item.holds?.length) return refuse('Item has outstanding holds');
        const base =
          this.options.renewFrom === 'due-date' && item.dueDate
            ? new Date(this.parseLocal(item.dueDate))
            : this.now();
        item.dueDate = this.stamp(new Date(base.getTime() + this.options.renewalDays * 86_400_000));
        return build('30', `1YNN${this.stamp()}`, [
          ['AO', inst],
          ['AA', patron.id],
          ['AB', item.id],
          ['AJ', item.title],
          ['AH', item.dueDate],
          ['CK', item.mediaType ?? '001'],
        ]);
      }
      case '35':
        return build('36', `Y${this.stamp()}`, [
          ['AO', inst],
          ['AA', get('AA') ?? ''],
        ]);
      default:
        return build('96', '', []);
    }
  }

  /** Epoch ms of a local timestamp in the fake's zone (good to the minute; used for renewFrom). */
  private parseLocal(stamp: string): number {
    const guess = stampAsUtc(stamp);
    const shown = stampAsUtc(this.stamp(new Date(guess)));
    return guess - (shown - guess);
  }
}

/** The fields of a SIP2 timestamp (YYYYMMDDZZZZHHMMSS) read as if it were UTC. */
function stampAsUtc(stamp: string): number {
  const part = (from: number, to: number) => Number(stamp.slice(from, to));
  return Date.UTC(part(0, 4), part(4, 6) - 1, part(6, 8), part(12, 14), part(14, 16), part(16, 18));
}
