import pino from 'pino';

export type Logger = pino.Logger;

/** Field names that may carry a secret or a personal datum, wherever they appear (2 levels deep). */
const SECRET_FIELDS = [
  'password',
  'currentPassword',
  'passwordConfirm',
  'passwordHash',
  'registrationToken',
  'token',
  'sessionId',
  'sid',
  'birthDate',
  'phone',
  'cookie',
  'authorization',
  'set-cookie',
];

/**
 * Masks what could identify a patron in free text (error messages from a driver, say): every
 * run of 6 or more digits keeps only its last 3 (patron numbers, birth dates, phone numbers),
 * a date written YYYY-MM-DD becomes ****-**-**, and an email address keeps only its domain.
 */
export function scrubText(text: string): string {
  return text
    .replace(/[^\s<>"'@]+@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g, '***@$1')
    .replace(/\d{6,}/g, (digits) => `${'*'.repeat(digits.length - 3)}${digits.slice(-3)}`)
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, '****-**-**');
}

/**
 * JSON logs (pino), one object a line. Secrets never reach them: fields that may carry one
 * are redacted wherever they appear; patron numbers are logged only masked
 * (`maskPatronNumber`); error messages go through `scrubText`. `destination` lets tests
 * read the stream.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const paths = SECRET_FIELDS.flatMap((f) => {
    const key = /^[A-Za-z_$][\w$]*$/.test(f) ? f : `["${f}"]`;
    const nested = key.startsWith('[') ? `*${key}` : `*.${key}`;
    return [key, nested, `*.*${key.startsWith('[') ? key : `.${key}`}`];
  });
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths, censor: '[redacted]' },
    },
    destination,
  );
}
