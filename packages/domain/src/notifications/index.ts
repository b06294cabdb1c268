/**
 * お知らせ (docs/product.md §10): the settings schema and the pure rule of what is due on a day. Its own
 * entry point, `@library/domain/notifications`, so only the settings screen loads it.
 */

export * from './catalog-ja.ts';
export * from './notification-preferences.ts';
export * from './notification-schedule.ts';
