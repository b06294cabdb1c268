import { Sip2ProtocolError } from './errors.ts';
import { buildMessageText, fieldMap, type Sip2Message } from './message.ts';
import {
  type AcsStatus,
  type ItemInformation,
  PATRON_STATUS_ORDER,
  type PatronInformation,
  type PatronStatus,
  type PatronStatusFlags,
  type RenewResult,
} from './types.ts';

/** Requests (SC → ACS), as text without error detection. Field layouts from SIP2 2.00. */
export const requests = {
  login(user: string, password: string, location?: string): string {
    // UID and PWD algorithm '0': not encrypted (the only one in use)
    return buildMessageText('93', '00', [
      ['CN', user],
      ['CO', password],
      ['CP', location],
    ]);
  },
  scStatus(): string {
    // status 0 = ok, max print width 040, protocol version 2.00
    return buildMessageText('99', '0' + '040' + '2.00');
  },
  patronStatus(date: string, institution: string, patronId: string, patronPassword?: string): string {
    return buildMessageText('23', `000${date}`, [
      ['AO', institution],
      ['AA', patronId],
      ['AC', ''],
      ['AD', patronPassword],
    ]);
  },
  patronInformation(
    date: string,
    institution: string,
    patronId: string,
    summary: SummaryKind,
    range?: { start: number; end: number },
    patronPassword?: string,
  ): string {
    return buildMessageText('63', `000${date}${summaryField(summary)}`, [
      ['AO', institution],
      ['AA', patronId],
      ['AC', ''],
      ['AD', patronPassword],
      ['BP', range ? String(range.start) : undefined],
      ['BQ', range ? String(range.end) : undefined],
    ]);
  },
  itemInformation(date: string, institution: string, itemId: string): string {
    return buildMessageText('17', date, [
      ['AO', institution],
      ['AB', itemId],
      ['AC', ''],
    ]);
  },
  renew(
    date: string,
    institution: string,
    patronId: string,
    itemId: string,
    patronPassword?: string,
  ): string {
    // third party allowed N, no block N, no-block due date blank
    return buildMessageText('29', `NN${date}${' '.repeat(18)}`, [
      ['AO', institution],
      ['AA', patronId],
      ['AD', patronPassword],
      ['AB', itemId],
      ['AC', ''],
      ['BO', 'N'],
    ]);
  },
  endSession(date: string, institution: string, patronId: string, patronPassword?: string): string {
    return buildMessageText('35', date, [
      ['AO', institution],
      ['AA', patronId],
      ['AC', ''],
      ['AD', patronPassword],
    ]);
  },
};

export type SummaryKind = 'hold' | 'overdue' | 'charged' | 'fine' | 'recall' | 'unavailable' | 'none';

/** The 10-character summary of 63: one 'Y' at the position of the list to detail. */
export const SUMMARY_POSITION: Record<Exclude<SummaryKind, 'none'>, number> = {
  hold: 0,
  overdue: 1,
  charged: 2,
  fine: 3,
  recall: 4,
  unavailable: 5,
};

/** The field id of each detailed list in 64. */
export const SUMMARY_FIELD: Record<Exclude<SummaryKind, 'none'>, string> = {
  hold: 'AS',
  overdue: 'AT',
  charged: 'AU',
  fine: 'AV',
  recall: 'BU',
  unavailable: 'CD',
};

export function summaryField(kind: SummaryKind): string {
  const chars = ' '.repeat(10).split('');
  if (kind !== 'none') chars[SUMMARY_POSITION[kind]] = 'Y';
  return chars.join('');
}

function expect(message: Sip2Message, code: string): void {
  if (message.code !== code) throw new Sip2ProtocolError(`expected message ${code}, got ${message.code}`);
}

const first = (fields: Record<string, string[]>, id: string) => fields[id]?.[0];
const all = (fields: Record<string, string[]>, id: string) => fields[id] ?? [];
const ids = (fields: Record<string, string[]>, id: string) => all(fields, id).filter((v) => v.trim() !== '');
const yesNo = (value: string | undefined): boolean | undefined =>
  value === undefined ? undefined : value.trim().toUpperCase() === 'Y';
const flag = (char: string | undefined) => char === 'Y' || char === 'y';

function count(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (!/^\d+$/.test(trimmed)) throw new Sip2ProtocolError(`not a count: ${JSON.stringify(text)}`);
  return Number(trimmed);
}

export function parsePatronStatusFlags(status: string): PatronStatusFlags {
  const flags = {} as PatronStatusFlags;
  PATRON_STATUS_ORDER.forEach((name, i) => {
    flags[name] = flag(status[i]);
  });
  return flags;
}

export function formatPatronStatusFlags(flags: Partial<PatronStatusFlags>): string {
  return PATRON_STATUS_ORDER.map((name) => (flags[name] ? 'Y' : ' ')).join('');
}

export function parseLoginResponse(message: Sip2Message): boolean {
  expect(message, '94');
  if (message.fixed !== '1' && message.fixed !== '0') throw new Sip2ProtocolError('94: ok is not 0 or 1');
  return message.fixed === '1';
}

export function parseAcsStatus(message: Sip2Message): AcsStatus {
  expect(message, '98');
  const f = message.fixed;
  const fields = fieldMap(message);
  return {
    onlineStatus: flag(f[0]),
    checkinOk: flag(f[1]),
    checkoutOk: flag(f[2]),
    acsRenewalPolicy: flag(f[3]),
    supportedMessages: first(fields, 'BX') ?? '',
    institutionId: first(fields, 'AO') ?? '',
    fields,
  };
}

/** What 24 (patron status) and 64 (patron information) both begin with and both carry. */
function patronStatusPart(message: Sip2Message, code: '24' | '64'): PatronStatus {
  expect(message, code);
  const f = message.fixed;
  const fields = fieldMap(message);
  return {
    status: parsePatronStatusFlags(f.slice(0, 14)),
    language: f.slice(14, 17),
    transactionDate: f.slice(17, 35),
    institutionId: first(fields, 'AO') ?? '',
    patronIdentifier: first(fields, 'AA') ?? '',
    personalName: first(fields, 'AE') ?? '',
    validPatron: yesNo(first(fields, 'BL')),
    validPatronPassword: yesNo(first(fields, 'CQ')),
    screenMessages: all(fields, 'AF'),
    fields,
  };
}

export function parsePatronStatus(message: Sip2Message): PatronStatus {
  return patronStatusPart(message, '24');
}

export function parsePatronInformation(message: Sip2Message): PatronInformation {
  const common = patronStatusPart(message, '64');
  const f = message.fixed;
  const fields = common.fields;
  return {
    ...common,
    holdItemsCount: count(f.slice(35, 39)),
    overdueItemsCount: count(f.slice(39, 43)),
    chargedItemsCount: count(f.slice(43, 47)),
    fineItemsCount: count(f.slice(47, 51)),
    recallItemsCount: count(f.slice(51, 55)),
    unavailableHoldsCount: count(f.slice(55, 59)),
    email: first(fields, 'BE'),
    phone: first(fields, 'BF'),
    homeAddress: first(fields, 'BD'),
    birthDate: first(fields, 'PB'),
    // Item lists without blank entries: Evergreen pads a BP/BQ range past the list's end with empty fields.
    chargedItems: ids(fields, 'AU'),
    overdueItems: ids(fields, 'AT'),
    holdItems: ids(fields, 'AS'),
    printLines: all(fields, 'AG'),
  };
}

export function parseItemInformation(message: Sip2Message): ItemInformation {
  expect(message, '18');
  const f = message.fixed;
  const fields = fieldMap(message);
  const hq = first(fields, 'CF');
  const due = first(fields, 'AH');
  return {
    circulationStatus: f.slice(0, 2),
    hqueueCount: hq === undefined || hq.trim() === '' ? undefined : count(hq),
    transactionDate: f.slice(6, 24),
    itemIdentifier: first(fields, 'AB') ?? '',
    title: first(fields, 'AJ') ?? '',
    // Evergreen's sample ILS sends AH0 for "not charged"
    dueDate: due === undefined || due.trim() === '' || due === '0' ? undefined : due,
    mediaType: first(fields, 'CK'),
    permanentLocation: first(fields, 'AQ'),
    currentLocation: first(fields, 'AP'),
    screenMessages: all(fields, 'AF'),
    fields,
  };
}

const ynu = (char: string | undefined): boolean | undefined =>
  char === 'Y' ? true : char === 'N' ? false : undefined;

export function parseRenewResponse(message: Sip2Message): RenewResult {
  expect(message, '30');
  const f = message.fixed;
  const fields = fieldMap(message);
  if (f[0] !== '0' && f[0] !== '1') throw new Sip2ProtocolError('30: ok is not 0 or 1');
  const due = first(fields, 'AH');
  return {
    ok: f[0] === '1',
    renewalOk: f[1] === 'Y',
    magneticMedia: ynu(f[2]),
    desensitize: ynu(f[3]),
    transactionDate: f.slice(4, 22),
    itemIdentifier: first(fields, 'AB') ?? '',
    title: first(fields, 'AJ'),
    dueDate: due === undefined || due.trim() === '' ? undefined : due,
    screenMessages: all(fields, 'AF'),
    fields,
  };
}

export function parseEndSessionResponse(message: Sip2Message): boolean {
  expect(message, '36');
  return message.fixed[0] === 'Y';
}
