import net from 'node:net';
import tls from 'node:tls';
import { Sip2ProtocolError, Sip2TimeoutError, Sip2UnavailableError } from './errors.ts';
import { FrameReader } from './framing.ts';
import { ANSWER_OF, decodeMessage, encodeMessage, type Sip2Message } from './message.ts';
import type { Sip2Config } from './types.ts';

/** Longest answer we buffer without a terminator: anything longer is garbage. */
const MAX_FRAME_BYTES = 256 * 1024;

/** The connection broke (reset, closed, TLS error) after the request went out: outcome unknown. */
export class Sip2ConnectionLostError extends Sip2UnavailableError {
  readonly sent: boolean;
  constructor(message: string, sent: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'Sip2ConnectionLostError';
    this.sent = sent;
  }
}

interface Pending {
  expect: string;
  sequence: number | undefined;
  resolve(message: Sip2Message): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * One TCP (or TLS) connection to the ACS: one request at a time, each answered or timed out.
 * A timed-out connection is destroyed, so its late answer can never be read as the answer to
 * the next request. Knows nothing of pooling or retries (see pool.ts).
 */
export class Sip2Connection {
  readonly id: number;
  private socket: net.Socket | null = null;
  private readonly reader = new FrameReader();
  private pending: Pending | null = null;
  private sequence = 0;
  private dead = false;
  /** Why the connection died, for logs (never message content). */
  deathReason: string | undefined;

  constructor(
    private readonly config: Sip2Config,
    id: number,
    private readonly onDeath: (connection: Sip2Connection, reason: string) => void = () => {},
  ) {
    this.id = id;
  }

  get alive(): boolean {
    return !this.dead && this.socket !== null && !this.socket.destroyed;
  }

  get busy(): boolean {
    return this.pending !== null;
  }

  /** Opens the socket (TLS when configured) within timeoutMs. */
  open(): Promise<void> {
    const { host, port, timeoutMs } = this.config;
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.kill(`connect failed: ${error.message}`);
        reject(
          error instanceof Sip2UnavailableError
            ? error
            : new Sip2UnavailableError(`SIP2 connect to ${host}:${port} failed: ${error.message}`, {
                cause: error,
              }),
        );
      };
      const timer = setTimeout(
        () =>
          fail(new Sip2UnavailableError(`SIP2 connect to ${host}:${port} timed out after ${timeoutMs} ms`)),
        timeoutMs,
      );
      const onConnected = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        // An idle pooled connection does not keep the process alive (a request's timer does).
        this.socket?.unref();
        resolve();
      };
      const socket = this.config.tls
        ? tls.connect(
            { host, port, servername: net.isIP(host) ? undefined : host, ...this.config.tlsOptions },
            onConnected,
          )
        : net.connect({ host, port }, onConnected);
      this.socket = socket;
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 30_000);
      socket.on('data', (data: Buffer) => this.onData(data));
      socket.on('error', (error) => {
        if (!settled) fail(error);
        else this.kill(`socket error: ${error.message}`, error);
      });
      socket.on('end', () => this.kill('closed by the ACS'));
      socket.on('close', () => this.kill('closed'));
    });
  }

  /**
   * Sends one request and resolves with its answer. Rejects with Sip2ProtocolError for an
   * answer that cannot be trusted (the connection stays usable: the stream is at a message
   * boundary), Sip2TimeoutError after timeoutMs (connection destroyed), Sip2ConnectionLostError
   * when the connection breaks.
   */
  exchange(text: string): Promise<Sip2Message> {
    if (this.pending) return Promise.reject(new Error('SIP2 connection already has a request in flight'));
    if (!this.alive) {
      return Promise.reject(new Sip2ConnectionLostError('SIP2 connection is closed', false));
    }
    const code = text.slice(0, 2);
    const expect = ANSWER_OF[code];
    if (!expect) return Promise.reject(new RangeError(`SIP2: no answer defined for message ${code}`));
    let sequence: number | undefined;
    if (this.config.errorDetection) {
      sequence = this.sequence;
      this.sequence = (this.sequence + 1) % 10;
    }
    const bytes = encodeMessage(text, this.config.encoding, sequence);
    return new Promise<Sip2Message>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = null;
        this.kill(`no answer to ${code} within ${this.config.timeoutMs} ms`);
        reject(new Sip2TimeoutError(`SIP2 ${code}: no answer within ${this.config.timeoutMs} ms`));
      }, this.config.timeoutMs);
      this.pending = { expect, sequence, resolve, reject, timer };
      this.socket!.write(bytes);
    });
  }

  /** Closes the connection for good (the pending request, if any, fails). */
  destroy(reason: string): void {
    this.kill(reason);
  }

  private onData(data: Buffer): void {
    let frames: Buffer[];
    try {
      frames = this.reader.push(data);
    } catch {
      frames = [];
    }
    for (const frame of frames) this.onFrame(frame);
    if (this.reader.pending > MAX_FRAME_BYTES) {
      this.fail(new Sip2ProtocolError('answer without terminator'));
      this.kill('answer without terminator');
    }
  }

  private onFrame(frame: Buffer): void {
    const pending = this.pending;
    if (!pending) {
      // An answer nobody asked for: the stream can no longer be trusted.
      this.kill('unsolicited message from the ACS');
      return;
    }
    let message: Sip2Message;
    try {
      message = decodeMessage(frame, this.config.encoding, { requireChecksum: this.config.errorDetection });
      if (message.code === '96') throw new Sip2ProtocolError('the ACS asked for a resend (96)');
      if (message.code !== pending.expect) {
        throw new Sip2ProtocolError(`expected message ${pending.expect}, got ${message.code}`);
      }
      if (
        pending.sequence !== undefined &&
        message.sequence !== undefined &&
        message.sequence !== pending.sequence
      ) {
        throw new Sip2ProtocolError(`sequence ${message.sequence} does not match ${pending.sequence}`);
      }
    } catch (error) {
      this.fail(error instanceof Error ? error : new Sip2ProtocolError(String(error)));
      return;
    }
    this.pending = null;
    clearTimeout(pending.timer);
    pending.resolve(message);
  }

  private fail(error: Error): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    clearTimeout(pending.timer);
    pending.reject(error);
  }

  private kill(reason: string, cause?: unknown): void {
    if (this.dead) return;
    this.dead = true;
    this.deathReason = reason;
    this.fail(new Sip2ConnectionLostError(`SIP2 connection lost: ${reason}`, true, { cause }));
    this.socket?.destroy();
    this.onDeath(this, reason);
  }
}
