import { birthDateMessages } from '../patron/birth-date.ts';
import { emailMessages } from '../patron/email.ts';
import { passwordMessages } from '../patron/password.ts';
import { patronNameMessages } from '../patron/patron-name.ts';
import { phoneMessages } from '../patron/phone.ts';
import { passwordResetMessages } from './password-reset-schemas.ts';
import { CONTACT_CHOICE_LABELS, registrationMessages } from './registration-schemas.ts';

/** The Japanese texts of registration and account settings (add them with `addCatalog`). */
export const registrationCatalogJa = {
  patronName: patronNameMessages,
  birthDate: birthDateMessages,
  phone: phoneMessages,
  email: emailMessages,
  password: passwordMessages,
  registration: registrationMessages,
  contactChoice: CONTACT_CHOICE_LABELS,
  passwordReset: passwordResetMessages,
} as const;
