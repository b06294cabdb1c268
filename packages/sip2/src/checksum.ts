/**
 * SIP2 error detection: the checksum is the 16-bit two's complement of the sum of the message's
 * bytes, from the command code up to and including the `AZ` field id, as 4 uppercase hex digits.
 * It is computed over the bytes on the wire (after encoding): a Shift_JIS or UTF-8 character
 * counts as the bytes it is encoded to, as Evergreen's and Koha's servers compute it.
 */
export function sip2Checksum(bytes: Uint8Array): string {
  let sum = 0;
  for (const byte of bytes) sum = (sum + byte) & 0xffff;
  return (-sum & 0xffff).toString(16).toUpperCase().padStart(4, '0');
}

/** True when `frame` (without its terminator) ends in `AZxxxx` and the checksum matches. */
export function verifySip2Checksum(frame: Uint8Array): boolean {
  if (frame.length < 6) return false;
  const azAt = frame.length - 6;
  if (frame[azAt] !== 0x41 || frame[azAt + 1] !== 0x5a) return false;
  const hex = String.fromCharCode(...frame.subarray(azAt + 2));
  if (!/^[0-9A-Fa-f]{4}$/.test(hex)) return false;
  let sum = 0;
  for (let i = 0; i < azAt + 2; i++) sum = (sum + frame[i]!) & 0xffff;
  return ((sum + Number.parseInt(hex, 16)) & 0xffff) === 0;
}

/** True when the frame carries an `AZ` checksum field at its end. */
export function hasChecksum(frame: Uint8Array): boolean {
  const azAt = frame.length - 6;
  return azAt >= 2 && frame[azAt] === 0x41 && frame[azAt + 1] === 0x5a;
}
