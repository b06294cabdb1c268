import iconv from 'iconv-lite';

export type Sip2Encoding = 'utf-8' | 'shift_jis';

/**
 * Text ↔ bytes in the connection's encoding. Shift_JIS goes through iconv-lite (Node's own
 * TextDecoder can decode it but nothing in Node encodes it). Decoded text is NFC-normalised:
 * Evergreen's server sends NFD (カ + ゛ for ガ), which would otherwise never compare equal to
 * the same title typed by a person.
 */
export function encodeText(text: string, encoding: Sip2Encoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  return iconv.encode(
    text.replace(JIS_ONLY, (c) => CP932_OF[c] ?? c),
    'Shift_JIS',
  );
}

/**
 * iconv-lite's Shift_JIS is Microsoft's (CP932, as in WHATWG), which Japanese ILSs speak. A few
 * characters have a JIS X 0208 code point that CP932 maps elsewhere (〜 U+301C is ～ U+FF5E):
 * without this they would be sent as '?'.
 */
const CP932_OF: Record<string, string> = {
  '\u301c': '\uff5e', // WAVE DASH → FULLWIDTH TILDE
  '\u2016': '\u2225', // DOUBLE VERTICAL LINE → PARALLEL TO
  '\u2212': '\uff0d', // MINUS SIGN → FULLWIDTH HYPHEN-MINUS
  '\u00a2': '\uffe0', // CENT SIGN
  '\u00a3': '\uffe1', // POUND SIGN
  '\u00ac': '\uffe2', // NOT SIGN
  '\u2014': '\u2015', // EM DASH → HORIZONTAL BAR
};
const JIS_ONLY = /[\u301c\u2016\u2212\u00a2\u00a3\u00ac\u2014]/g;

export function decodeText(bytes: Uint8Array, encoding: Sip2Encoding): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = encoding === 'utf-8' ? buffer.toString('utf8') : iconv.decode(buffer, 'Shift_JIS');
  return text.normalize('NFC');
}
