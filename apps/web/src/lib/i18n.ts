import {
  addCatalog,
  type Catalog,
  DEFAULT_LANGUAGE,
  isLanguage,
  type Language,
  negotiateLanguage,
  t as translate,
} from '@library/domain';
import { useMemo, useSyncExternalStore } from 'react';
import { commonJa } from '../i18n/ja/common.ts';

/**
 * The language on screen (SPEC §12). Japanese texts are bundled with the code that shows them
 * (each area's catalog comes with its route's chunk); English is one lazy chunk
 * (src/i18n/en/index.ts) that only a visitor who chose English, or whose browser prefers it,
 * downloads. The choice is kept in localStorage; without one, navigator.languages decides.
 */
const STORAGE_KEY = 'language';

// The frame's texts (header, errors of the API client) are needed on every page.
addCatalog('ja', commonJa);

let current: Language = DEFAULT_LANGUAGE;
const listeners = new Set<() => void>();
let english: Promise<void> | undefined;

function storedLanguage(): Language | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Whether this device has a choice of its own (then a saved server choice does not override it). */
export function hasStoredLanguage(): boolean {
  return storedLanguage() !== undefined;
}

/** The device's choice, else the browser's preference. */
export function initialLanguage(): Language {
  return (
    storedLanguage() ?? negotiateLanguage(typeof navigator === 'undefined' ? undefined : navigator.languages)
  );
}

function loadCatalogs(lang: Language): Promise<void> {
  if (lang === 'ja') return Promise.resolve();
  english ??= import('../i18n/en/index.ts').then((m) => {
    for (const catalog of m.englishCatalogs) addCatalog('en', catalog);
  });
  return english;
}

export function getLanguage(): Language {
  return current;
}

/**
 * Shows the app in `lang` once its catalogs are there; `remember` keeps the choice on this
 * device (a first visit that only follows the browser does not).
 */
export async function setLanguage(lang: Language, { remember = true } = {}): Promise<void> {
  await loadCatalogs(lang);
  current = lang;
  document.documentElement.lang = lang;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Private mode without storage: the choice lasts for this visit.
    }
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, getLanguage, getLanguage);
}

const registered = new WeakSet<Catalog>();

export type Translate = ((key: string, params?: Record<string, string | number>) => string) & {
  lang: Language;
};

/**
 * `t('area.key', params)` in the language on screen. The Japanese catalogs the component
 * needs are passed in (and registered once), so they load with its chunk. A text that is not
 * a key (a message the server already translated) is shown as it is.
 */
export function useT(...catalogs: Catalog[]): Translate {
  for (const catalog of catalogs) {
    if (!registered.has(catalog)) {
      addCatalog('ja', catalog);
      registered.add(catalog);
    }
  }
  const lang = useLanguage();
  return useMemo(
    () =>
      Object.assign((key: string, params?: Record<string, string | number>) => translate(lang, key, params), {
        lang,
      }),
    [lang],
  );
}
