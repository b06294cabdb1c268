import rosetta from 'rosetta';
import { coreCatalogJa } from './catalog-ja.ts';

/** The languages of the service (SPEC §12): Japanese first, English complete. */
export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'ja';

/** A catalog: area → key → text. Placeholders are written `{{name}}` (rosetta's templite). */
export type Catalog = Record<string, Record<string, string>>;

/** The same shape with every text a string: what the English catalog of a Japanese one must be. */
export type CatalogOf<C extends Catalog> = { [A in keyof C]: { [K in keyof C[A]]: string } };

// Japanese is the default and the fallback: always there. Other catalogs are added by the app.
const store = rosetta<Catalog>({ ja: { ...coreCatalogJa } });

/** Adds (or extends) the areas of a catalog for a language; the SPA adds English only when chosen. */
export function addCatalog(lang: Language, catalog: Catalog): void {
  const table = store.table(lang) ?? {};
  const merged: Catalog = {};
  for (const [area, messages] of Object.entries(catalog)) merged[area] = { ...table[area], ...messages };
  store.set(lang, merged);
}

export function hasCatalog(lang: Language, area: string): boolean {
  return Boolean(store.table(lang)?.[area]);
}

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * The text of `key` (`area.name`) in `lang`, placeholders filled; Japanese when the language
 * has no such text (yet), and the key itself when neither has, so a missing text is visible
 * instead of blank. A text that is not a key (e.g. already translated) comes back as it is.
 */
export function t(lang: Language, key: string, params?: Record<string, string | number>): string {
  return store.t(key, params, lang) || (lang === 'ja' ? '' : store.t(key, params, 'ja')) || key;
}

/**
 * The language to answer in from an `Accept-Language` header or `navigator.languages`: the
 * first of ours in the client's order of preference (q-values honoured); Japanese otherwise.
 */
export function negotiateLanguage(accept: string | readonly string[] | null | undefined): Language {
  if (!accept) return DEFAULT_LANGUAGE;
  const ranges =
    typeof accept === 'string'
      ? accept
          .split(',')
          .map((part, index) => {
            const [range = '', ...params] = part.trim().split(';');
            const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
            return { range: range.trim(), q: q === undefined ? 1 : Number(q), index };
          })
          .filter((r) => r.range !== '' && r.q > 0)
          .sort((a, b) => b.q - a.q || a.index - b.index)
          .map((r) => r.range)
      : accept;
  for (const range of ranges) {
    const primary = range.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

/** The `{{name}}` placeholders of a text, sorted. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

/**
 * What differs between two catalogs of the same texts: keys only in one of them, and keys
 * whose placeholders differ. Empty when they match (the catalog-parity tests).
 */
export function catalogDifferences(ja: Catalog, other: Catalog): string[] {
  const problems: string[] = [];
  const keysOf = (c: Catalog) =>
    new Set(Object.entries(c).flatMap(([area, texts]) => Object.keys(texts).map((k) => `${area}.${k}`)));
  const jaKeys = keysOf(ja);
  const otherKeys = keysOf(other);
  for (const key of jaKeys) if (!otherKeys.has(key)) problems.push(`missing: ${key}`);
  for (const key of otherKeys) if (!jaKeys.has(key)) problems.push(`extra: ${key}`);
  for (const key of jaKeys) {
    if (!otherKeys.has(key)) continue;
    const [area, name] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
    const a = placeholdersOf(ja[area]![name]!).join(',');
    const b = placeholdersOf(other[area]![name]!).join(',');
    if (a !== b) problems.push(`placeholders differ: ${key} ({{${a}}} vs {{${b}}})`);
  }
  return problems;
}
