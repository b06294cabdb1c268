/** Anything that prevents an answer: refused, reset, TLS failure, login refused, garbage twice. */
export class Sip2UnavailableError extends Error {
  override readonly cause?: unknown;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = 'Sip2UnavailableError';
    if (options && 'cause' in options) this.cause = options.cause;
  }
}

/** The request went out but no answer came in time: its outcome is unknown (a renew may have happened). */
export class Sip2TimeoutError extends Sip2UnavailableError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'Sip2TimeoutError';
  }
}

/** An answer that cannot be trusted: bad checksum, wrong message type, unparsable (internal: the pool retries it). */
export class Sip2ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Sip2ProtocolError';
  }
}
