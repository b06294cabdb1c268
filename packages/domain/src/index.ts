export * from './auth/login-schema.ts';
export * from './calendar/closing-rules.ts';
export * from './dates/plain-date.ts';
export * from './errors/error-codes.ts';
export * from './loans/material.ts';
export * from './patron/patron-number.ts';
export * from './renewal/patron-block.ts';
