/**
 * SIP2 timestamps are 18 characters, `YYYYMMDDZZZZHHMMSS`: a 4-character zone between date and
 * time. A blank zone is the ILS's local time; `   Z` is UTC.
 */
const TIMESTAMP = /^(\d{4})(\d{2})(\d{2})(.{4})(\d{2})(\d{2})(\d{2})$/;

export interface Sip2TimestampParts {
  year: number;
  month: number;
  day: number;
  zone: string; // trimmed: '' = local time of the ILS, 'Z' = UTC
  hour: number;
  minute: number;
  second: number;
}

export function parseSip2Timestamp(timestamp: string): Sip2TimestampParts | null {
  const m = TIMESTAMP.exec(timestamp);
  if (!m) return null;
  const [, y, mo, d, zone, h, mi, s] = m;
  const parts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    zone: zone!.trim(),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
  };
  if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > 31) return null;
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 60) return null;
  return parts;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The transaction date of a request: UTC, marked with the zone `   Z` so no ILS has to guess. */
export function formatSip2Timestamp(date: Date): string {
  return (
    `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `   Z${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`
  );
}

/** A timestamp in the given IANA zone's local time with a blank zone, as an ILS sends it. */
export function formatSip2LocalTimestamp(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}${parts.month}${parts.day}    ${parts.hour}${parts.minute}${parts.second}`;
}

/**
 * A SIP2 timestamp with a blank zone ('YYYYMMDD    HHMMSS') is the ILS's local time: its date
 * part, 'YYYY-MM-DD'. A UTC one (`   Z`) is converted to `timeZone` (the library's, default
 * Asia/Tokyo) first. Throws a RangeError for anything that is not a SIP2 timestamp.
 */
export function sip2DatePart(timestamp: string, timeZone = 'Asia/Tokyo'): string {
  const p = parseSip2Timestamp(timestamp);
  if (!p) throw new RangeError(`not a SIP2 timestamp: ${JSON.stringify(timestamp)}`);
  if (p.zone === 'Z' || p.zone === 'UTC' || p.zone === 'GMT') {
    const local = formatSip2LocalTimestamp(
      new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)),
      timeZone,
    );
    return `${local.slice(0, 4)}-${local.slice(4, 6)}-${local.slice(6, 8)}`;
  }
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}
