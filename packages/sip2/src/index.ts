export { sip2Checksum, verifySip2Checksum } from './checksum.ts';
export { decodeText, encodeText, type Sip2Encoding } from './encoding.ts';
export {
  Sip2InvalidFieldError,
  Sip2ProtocolError,
  Sip2TimeoutError,
  Sip2UnavailableError,
  sip2CanCarry,
} from './errors.ts';
export { FrameReader } from './framing.ts';
export { maskIdentifier } from './mask.ts';
export { buildMessageText, decodeMessage, encodeMessage, fieldMap, type Sip2Message } from './message.ts';
export { formatPatronStatusFlags, parsePatronStatusFlags } from './messages.ts';
export { Sip2LoginRefusedError, Sip2Pool } from './pool.ts';
export {
  formatSip2LocalTimestamp,
  formatSip2Timestamp,
  parseSip2Timestamp,
  type Sip2TimestampParts,
  sip2DatePart,
} from './timestamp.ts';
export type {
  AcsStatus,
  ItemInformation,
  PatronInformation,
  PatronStatus,
  PatronStatusFlags,
  RenewResult,
  Sip2Config,
  Sip2Logger,
  Sip2Stats,
} from './types.ts';
