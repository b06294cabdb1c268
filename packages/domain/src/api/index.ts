/**
 * The HTTP API's answers (docs/product.md §6) as zod schemas: the BFF's OpenAPI document is
 * generated from them, its tests check every answer against that document, and the SPA takes
 * its types from here (`import type` only: these schemas never reach the SPA's bundles).
 * Its own entry point, `@library/domain/api`.
 */
export * from './account.ts';
export * from './calendar.ts';
export * from './common.ts';
export * from './error-body.ts';
export * from './loans.ts';
export * from './me.ts';
export * from './session.ts';
