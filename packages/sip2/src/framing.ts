/**
 * Splits a byte stream into SIP2 messages. The terminator is CR; LF and CRLF are tolerated (a
 * lone LF ends a message too, an LF right after a CR is skipped). Neither byte occurs inside a
 * UTF-8 or Shift_JIS multi-byte character, so framing on bytes is safe for both encodings;
 * field splitting on `|` is done after decoding (0x7C is a valid Shift_JIS trail byte).
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  /** Feeds bytes; returns every complete message (without terminator, never empty). */
  push(data: Buffer): Buffer[] {
    const frames: Buffer[] = [];
    let start = 0;
    for (let i = 0; i < data.length; i++) {
      const byte = data[i];
      if (byte !== 0x0d && byte !== 0x0a) continue;
      const piece = data.subarray(start, i);
      const frame = this.buffered > 0 ? Buffer.concat([...this.chunks, piece]) : piece;
      this.chunks = [];
      this.buffered = 0;
      if (frame.length > 0) frames.push(Buffer.from(frame));
      start = i + 1;
    }
    if (start < data.length) {
      const rest = data.subarray(start);
      this.chunks.push(Buffer.from(rest));
      this.buffered += rest.length;
    }
    return frames;
  }

  /** Bytes received after the last terminator. */
  get pending(): number {
    return this.buffered;
  }
}
