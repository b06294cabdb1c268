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

/**
 * A value that SIP2 cannot carry (`|`, CR or LF would forge fields): thrown before anything is
 * sent. For a patron's PIN it means "cannot be right" — callers map it to their invalid-input or
 * wrong-password answer, not to a 5xx. `sip2CanCarry(value)` checks beforehand.
 */
export class Sip2InvalidFieldError extends RangeError {
  readonly field: string;
  constructor(field: string) {
    super(`SIP2 field ${field} must not contain '|', CR or LF`);
    this.name = 'Sip2InvalidFieldError';
    this.field = field;
  }
}

export function sip2CanCarry(value: string): boolean {
  return !/[|\r\n]/.test(value);
}
