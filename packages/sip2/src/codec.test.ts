import { describe, expect, it } from 'vitest';
import { sip2Checksum, verifySip2Checksum } from './checksum.ts';
import { decodeText, encodeText } from './encoding.ts';
import { Sip2InvalidFieldError } from './errors.ts';
import { FrameReader } from './framing.ts';
import { buildMessageText, decodeMessage, encodeMessage, fieldMap } from './message.ts';
import {
  formatPatronStatusFlags,
  parseItemInformation,
  parsePatronInformation,
  parsePatronStatusFlags,
  parseRenewResponse,
  requests,
  summaryField,
} from './messages.ts';
import {
  formatSip2LocalTimestamp,
  formatSip2Timestamp,
  parseSip2Timestamp,
  sip2DatePart,
} from './timestamp.ts';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('checksum', () => {
  it('matches the 3M developer guide example (99 SC status)', () => {
    expect(sip2Checksum(bytes('990 402.00AY1AZ'))).toBe('FCB4');
  });

  it('matches what Evergreen SIPServer computes (Sip::Checksum), for ASCII, UTF-8 and Shift_JIS', () => {
    // Vectors computed with the peer's own Perl code (perl -MSip::Checksum=checksum).
    expect(sip2Checksum(bytes('9300CNLoginUserID|COLoginPassword|CPLocationCode|AY5AZ'))).toBe('EC7B');
    expect(sip2Checksum(bytes('1720261201   Z120000AOYANAGAWA|AB2100000001|AC|AY3AZ'))).toBe('F38D');
    const title = '1804000120261201    120000AB2100000001|AJ坊っちゃん|AY3AZ';
    expect(sip2Checksum(encodeText(title, 'utf-8'))).toBe('EBF7');
    expect(sip2Checksum(encodeText(title, 'shift_jis'))).toBe('EFA9');
  });

  it('the constant resend messages check out', () => {
    expect(verifySip2Checksum(bytes('97AZFEF5'))).toBe(true);
    expect(verifySip2Checksum(bytes('96AZFEF6'))).toBe(true);
    expect(verifySip2Checksum(bytes('96AZFEF7'))).toBe(false);
    expect(verifySip2Checksum(bytes('96AZFEG6'))).toBe(false);
    expect(verifySip2Checksum(bytes('96'))).toBe(false);
  });
});

describe('messages', () => {
  it('builds a request with AY/AZ and CR, and reads it back', () => {
    const text = requests.itemInformation('20261201   Z120000', 'YANAGAWA', '2100000001');
    expect(text).toBe('1720261201   Z120000AOYANAGAWA|AB2100000001|AC|');
    const wire = encodeMessage(text, 'utf-8', 3);
    expect(wire.toString('latin1')).toBe('1720261201   Z120000AOYANAGAWA|AB2100000001|AC|AY3AZF38D\r');
    const back = decodeMessage(wire.subarray(0, -1), 'utf-8', { requireChecksum: true });
    expect(back).toMatchObject({ code: '17', fixed: '20261201   Z120000', sequence: 3, checksummed: true });
    expect(fieldMap(back)).toEqual({ AO: ['YANAGAWA'], AB: ['2100000001'], AC: [''] });
  });

  it('refuses a field value that would forge another field', () => {
    expect(() => requests.patronStatus('20261201   Z120000', 'YANAGAWA', '123|AD0000')).toThrow(
      Sip2InvalidFieldError,
    );
    expect(() => requests.patronStatus('20261201   Z120000', 'YANAGAWA', '1', 'pin\r')).toThrow(RangeError);
    expect(() => buildMessageText('17', 'short')).toThrow(RangeError);
  });

  it('rejects bad checksums, missing ones when required, and garbage', () => {
    const good = encodeMessage('941', 'utf-8', 0).subarray(0, -1);
    expect(decodeMessage(good, 'utf-8', { requireChecksum: true }).fixed).toBe('1');
    const bad = Buffer.from(good);
    bad[bad.length - 1] = bad[bad.length - 1] === 0x30 ? 0x31 : 0x30;
    expect(() => decodeMessage(bad, 'utf-8')).toThrow(/bad checksum/);
    expect(() => decodeMessage(bytes('941'), 'utf-8', { requireChecksum: true })).toThrow(/missing/);
    expect(decodeMessage(bytes('941'), 'utf-8').fixed).toBe('1');
    expect(() => decodeMessage(bytes('#!garbage'), 'utf-8')).toThrow(/not a SIP2 message/);
    expect(() => decodeMessage(bytes('64  short'), 'utf-8')).toThrow(/too short/);
  });

  it('parses a 64 with counts, lists by summary position and repeated fields', () => {
    expect(summaryField('charged')).toBe('  Y       ');
    expect(summaryField('overdue')).toBe(' Y        ');
    expect(summaryField('hold')).toBe('Y         ');
    const text =
      `64 Y            000${'20261201    100000'}000100020003000000000000` +
      'AOYANAGAWA|AA100000001|AEヤナガワ タロウ|BEtaro@example.jp|BF0944-00-0000|PB19750408|' +
      'AU2100000001|AU2100000002|AU2100000003|AT2100000001|AT|AT|BLY|CQN|AFline one|AFline two|';
    const info = parsePatronInformation(decodeMessage(bytes(text), 'utf-8'));
    expect(info.status.renewalPrivilegesDenied).toBe(true);
    expect(info.status.chargePrivilegesDenied).toBe(false);
    expect(info).toMatchObject({
      holdItemsCount: 1,
      overdueItemsCount: 2,
      chargedItemsCount: 3,
      personalName: 'ヤナガワ タロウ',
      email: 'taro@example.jp',
      phone: '0944-00-0000',
      birthDate: '19750408',
      validPatron: true,
      validPatronPassword: false,
      chargedItems: ['2100000001', '2100000002', '2100000003'],
      overdueItems: ['2100000001'],
      screenMessages: ['line one', 'line two'],
    });
  });

  it('parses 18 and 30, and the 14 patron status positions both ways', () => {
    const item = parseItemInformation(
      decodeMessage(
        bytes('1804000120261201    120000AB2100000001|AJ坊っちゃん|CK001|CF1|AH20261215    235959|'),
        'utf-8',
      ),
    );
    expect(item).toMatchObject({
      circulationStatus: '04',
      hqueueCount: 1,
      title: '坊っちゃん',
      dueDate: '20261215    235959',
      mediaType: '001',
    });
    const refused = parseRenewResponse(
      decodeMessage(
        bytes(
          '300NUN20261201    120000AOYANAGAWA|AA1|AB2100000001|AJ坊っちゃん|AH|AFItem has outstanding holds|',
        ),
        'utf-8',
      ),
    );
    expect(refused).toMatchObject({ ok: false, renewalOk: false, dueDate: undefined });
    expect(refused.screenMessages).toEqual(['Item has outstanding holds']);
    const flags = parsePatronStatusFlags(' Y           Y');
    expect(flags.renewalPrivilegesDenied && flags.tooManyItemsBilled).toBe(true);
    expect(formatPatronStatusFlags(flags)).toBe(' Y           Y');
  });
});

describe('framing', () => {
  it('splits answers arriving a byte at a time, several in one read, with CR, CRLF or LF', () => {
    const reader = new FrameReader();
    const stream = Buffer.from('941\r\n98YYYY\r941\n\r\r964\r', 'latin1');
    const frames: string[] = [];
    for (const byte of stream) frames.push(...reader.push(Buffer.of(byte)).map((f) => f.toString('latin1')));
    expect(frames).toEqual(['941', '98YYYY', '941', '964']);
    expect(reader.push(stream).map((f) => f.toString('latin1'))).toEqual(['941', '98YYYY', '941', '964']);
    expect(reader.push(Buffer.from('94'))).toEqual([]);
    expect(reader.pending).toBe(2);
    expect(reader.push(Buffer.from('1\r')).map(String)).toEqual(['941']);
  });

  it('frames Shift_JIS on bytes and splits fields after decoding (ポ is 0x83 0x7C)', () => {
    const text = '1804000120261201    120000AB2100000001|AJポケットの中のポプラ|CK001|';
    const wire = encodeMessage(text, 'shift_jis', 7);
    expect(wire.includes(Buffer.of(0x83, 0x7c))).toBe(true);
    const reader = new FrameReader();
    const [frame] = [...reader.push(wire.subarray(0, 20)), ...reader.push(wire.subarray(20))];
    const message = decodeMessage(frame!, 'shift_jis', { requireChecksum: true });
    expect(fieldMap(message).AJ).toEqual(['ポケットの中のポプラ']);
    expect(fieldMap(message).CK).toEqual(['001']);
  });

  it('round-trips Japanese titles in both encodings and NFC-normalises what it reads', () => {
    for (const title of ['吾輩は猫である', '銀河鉄道の夜', 'ゲド戦記 Ⅰ', '①～⑩の数え歌', 'ポプラの秋']) {
      for (const encoding of ['utf-8', 'shift_jis'] as const) {
        expect(decodeText(encodeText(title, encoding), encoding)).toBe(title);
      }
    }
    // JIS's wave dash goes out as CP932's, not as '?'
    expect(decodeText(encodeText('①〜⑩', 'shift_jis'), 'shift_jis')).toBe('①～⑩');
    // Evergreen sends NFD: ガ as カ + U+3099
    expect(decodeText(Buffer.from('カ\u3099イド', 'utf8'), 'utf-8')).toBe('ガイド');
  });
});

describe('timestamps', () => {
  it('formats requests in UTC and reads the ILS local date part', () => {
    expect(formatSip2Timestamp(new Date('2026-12-01T15:04:05Z'))).toBe('20261201   Z150405');
    expect(formatSip2LocalTimestamp(new Date('2026-12-01T15:04:05Z'), 'Asia/Tokyo')).toBe(
      '20261202    000405',
    );
    expect(sip2DatePart('20261215    235959')).toBe('2026-12-15');
    expect(sip2DatePart('20261215   Z150000')).toBe('2026-12-16');
    expect(parseSip2Timestamp('20261215    235959')).toMatchObject({
      year: 2026,
      month: 12,
      day: 15,
      zone: '',
    });
    expect(parseSip2Timestamp('2026121')).toBeNull();
    expect(() => sip2DatePart('0')).toThrow(RangeError);
  });
});
