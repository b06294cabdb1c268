import pino from 'pino';

export type Logger = pino.Logger;

/**
 * JSON logs. Secrets never reach them: fields that may carry one are redacted wherever they appear.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: [
        'password',
        '*.password',
        'currentPassword',
        '*.currentPassword',
        'passwordConfirm',
        '*.passwordConfirm',
        'registrationToken',
        '*.registrationToken',
        'birthDate',
        '*.birthDate',
        'cookie',
        '*.cookie',
        'req.headers.cookie',
      ],
      censor: '[redacted]',
    },
  });
}
