import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Sip2Encoding } from './encoding.ts';
import { Sip2ProtocolError } from './errors.ts';
import { FrameReader } from './framing.ts';
import { buildMessageText, decodeMessage, encodeMessage } from './message.ts';

// Characters every Shift_JIS (CP932) encoder can carry, including ones whose trail byte is 0x7C.
const alphabet = [...'abcXYZ019 -_.,:;/&#*吾輩は猫である銀河鉄道の夜ポプラソ十表能ガリヴァー①～ｱｲｳ漢字'];
const value = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((cs) => cs.join(''));
const fieldId = fc.constantFrom('AB', 'AJ', 'AF', 'AU', 'CK', 'AH', 'AE');

describe('codec properties', () => {
  it('build → encode → frame (any split) → decode gives the same fields, in both encodings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fieldId, value), { maxLength: 8 }),
        fc.constantFrom<Sip2Encoding>('utf-8', 'shift_jis'),
        fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 }),
        (fields, encoding, sequence, cuts) => {
          const text = buildMessageText('18', `040001${'20261201    120000'}`, fields);
          const wire = encodeMessage(text, encoding, sequence);
          const reader = new FrameReader();
          const frames: Buffer[] = [];
          let at = 0;
          for (let i = 0; at < wire.length; i++) {
            const size = cuts[i % cuts.length]!;
            frames.push(...reader.push(wire.subarray(at, at + size)));
            at += size;
          }
          expect(frames).toHaveLength(1);
          const message = decodeMessage(frames[0]!, encoding, { requireChecksum: sequence !== undefined });
          expect(message.fields).toEqual(fields.map(([id, v]) => [id, v]).filter(([, v]) => v !== undefined));
          expect(message.sequence).toBe(sequence);
        },
      ),
    );
  });

  it('random bytes never crash the decoder: a message or a Sip2ProtocolError', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.constantFrom<Sip2Encoding>('utf-8', 'shift_jis'),
        (bytes, encoding) => {
          for (const frame of new FrameReader().push(
            Buffer.concat([Buffer.from(bytes), Buffer.from('\r')]),
          )) {
            try {
              decodeMessage(frame, encoding);
            } catch (error) {
              expect(error).toBeInstanceOf(Sip2ProtocolError);
            }
          }
        },
      ),
    );
  });
});
