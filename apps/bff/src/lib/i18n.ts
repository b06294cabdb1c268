import { addCatalog } from '@library/domain';
import { domainCatalogEn } from '@library/domain/i18n/en';
import { notificationCatalogJa } from '@library/domain/notifications';
import { registrationCatalogJa } from '@library/domain/registration';
// The mails' and the calendar feed's texts register themselves, once, in their own module.
import '../services/mail/mail-texts.ts';

// The server answers in every language: all catalogs, once (the Japanese core is always there).
// The request's language is set by createApp from `Accept-Language` (SPEC §12).
addCatalog('ja', registrationCatalogJa);
addCatalog('ja', notificationCatalogJa);
addCatalog('en', domainCatalogEn);
