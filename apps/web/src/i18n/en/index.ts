import { domainCatalogEn } from '@library/domain/i18n/en';
import { commonEn } from './common.ts';

/** Every English catalog of the app: one lazy chunk, downloaded only when English is on screen. */
export const englishCatalogs = [domainCatalogEn, commonEn];
