import { hasChecksum, sip2Checksum, verifySip2Checksum } from './checksum.ts';
import { decodeText, encodeText, type Sip2Encoding } from './encoding.ts';
import { Sip2InvalidFieldError, Sip2ProtocolError, sip2CanCarry } from './errors.ts';

/** Length of the fixed part (after the 2-character command code) of every message we speak. */
export const FIXED_LENGTH: Readonly<Record<string, number>> = {
  // requests (SC → ACS)
  '93': 2,
  '99': 8,
  '23': 21,
  '63': 31,
  '17': 18,
  '29': 38,
  '35': 18,
  '97': 0,
  // answers (ACS → SC)
  '94': 1,
  '98': 34,
  '24': 35,
  '64': 59,
  '18': 24,
  '30': 22,
  '36': 19,
  '96': 0,
};

/** The answer every request expects. */
export const ANSWER_OF: Readonly<Record<string, string>> = {
  '93': '94',
  '99': '98',
  '23': '24',
  '63': '64',
  '17': '18',
  '29': '30',
  '35': '36',
};

export interface Sip2Message {
  code: string;
  fixed: string;
  /** Variable fields in order of appearance (a field id may repeat, e.g. AU or AF). */
  fields: Array<[string, string]>;
  /** AY, when the message carried one. */
  sequence?: number;
  /** Whether the message carried an AZ checksum (verified when it did). */
  checksummed: boolean;
}

export type FieldList = ReadonlyArray<readonly [string, string | undefined]>;

/** Field values must not contain the delimiter or a terminator: that would forge fields. */
function checkValue(id: string, value: string): void {
  if (!sip2CanCarry(value)) throw new Sip2InvalidFieldError(id);
}

/** The message's text without error detection: code + fixed part + `XXvalue|` for each field. */
export function buildMessageText(code: string, fixed: string, fields: FieldList = []): string {
  const expected = FIXED_LENGTH[code];
  if (expected !== undefined && fixed.length !== expected) {
    throw new RangeError(`SIP2 ${code}: fixed part is ${fixed.length} characters, expected ${expected}`);
  }
  let text = code + fixed;
  for (const [id, value] of fields) {
    if (value === undefined) continue;
    checkValue(id, value);
    text += `${id}${value}|`;
  }
  return text;
}

/**
 * Encodes a message for the wire, with `AYn AZxxxx` when `sequence` is given (error detection),
 * and the CR terminator. The checksum covers the encoded bytes up to and including `AZ`.
 */
export function encodeMessage(text: string, encoding: Sip2Encoding, sequence?: number): Buffer {
  if (sequence === undefined) return Buffer.concat([encodeText(text, encoding), Buffer.from('\r')]);
  const body = encodeText(`${text}AY${sequence}AZ`, encoding);
  return Buffer.concat([body, Buffer.from(`${sip2Checksum(body)}\r`, 'latin1')]);
}

/**
 * Parses one received message (terminator already stripped). A checksum, when present, must be
 * right; with `requireChecksum` it must be present. Throws Sip2ProtocolError for anything that
 * cannot be trusted.
 */
export function decodeMessage(
  frame: Uint8Array,
  encoding: Sip2Encoding,
  options: { requireChecksum?: boolean } = {},
): Sip2Message {
  const checksummed = hasChecksum(frame);
  if (checksummed && !verifySip2Checksum(frame)) throw new Sip2ProtocolError('bad checksum');
  if (!checksummed && options.requireChecksum) throw new Sip2ProtocolError('checksum missing');
  let text = decodeText(checksummed ? frame.subarray(0, frame.length - 6) : frame, encoding);
  let sequence: number | undefined;
  const ay = /AY(\d)\|?$/.exec(text);
  if (ay && checksummed) {
    sequence = Number(ay[1]);
    text = text.slice(0, ay.index);
  }
  const code = text.slice(0, 2);
  if (!/^\d\d$/.test(code)) throw new Sip2ProtocolError('not a SIP2 message');
  const fixedLength = FIXED_LENGTH[code];
  if (fixedLength === undefined) throw new Sip2ProtocolError(`unknown message ${code}`);
  if (text.length < 2 + fixedLength) throw new Sip2ProtocolError(`message ${code} too short`);
  const fixed = text.slice(2, 2 + fixedLength);
  const fields: Array<[string, string]> = [];
  for (const token of text.slice(2 + fixedLength).split('|')) {
    if (token === '') continue;
    if (token.length < 2) throw new Sip2ProtocolError(`message ${code}: malformed field`);
    fields.push([token.slice(0, 2), token.slice(2).replaceAll('&#124;', '|')]);
  }
  return sequence === undefined
    ? { code, fixed, fields, checksummed }
    : { code, fixed, fields, sequence, checksummed };
}

/** Every field id → its values in order. */
export function fieldMap(message: Sip2Message): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const [id, value] of message.fields) {
    const values = map[id] ?? [];
    values.push(value);
    map[id] = values;
  }
  return map;
}
