import { accountJa } from '../../i18n/ja/account.ts';
import { useT } from '../../lib/i18n.ts';
import { describedBy as describe, FieldError } from './field.tsx';
import './phone-fields.css';

/**
 * 電話番号 as three fields, as in the guide (新規パスワード登録, パスワードを忘れた方);
 * one label, one hint and one error for the group; the inputs are `${idPrefix}-phone-1…3`.
 */
export function PhoneFields({ error, idPrefix }: { error?: string; idPrefix: string }) {
  const t = useT(accountJa);
  const describedBy = describe(`${idPrefix}-phone-hint`, error && `${idPrefix}-phone-error`);
  const parts = [
    { name: 'phone1', label: t('account.phoneArea'), autoComplete: 'tel-area-code', size: 5 },
    { name: 'phone2', label: t('account.phoneLocal'), autoComplete: 'tel-local-prefix', size: 4 },
    { name: 'phone3', label: t('account.phoneNumber'), autoComplete: 'tel-local-suffix', size: 4 },
  ];
  return (
    <fieldset className="field phone-fields" aria-describedby={describedBy}>
      <legend>{t('account.phone')}</legend>
      <div className="phone-inputs">
        {parts.map((part, index) => (
          <span key={part.name} className="phone-part">
            {index > 0 ? (
              <span className="phone-separator" aria-hidden="true">
                -
              </span>
            ) : null}
            <input
              id={`${idPrefix}-phone-${index + 1}`}
              name={part.name}
              aria-label={t('account.phonePart', { part: part.label })}
              inputMode="tel"
              autoComplete={part.autoComplete}
              size={part.size}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              required
            />
          </span>
        ))}
      </div>
      <p className="field-hint" id={`${idPrefix}-phone-hint`}>
        {t('account.phoneHint')}
      </p>
      <FieldError id={`${idPrefix}-phone-error`} error={error} />
    </fieldset>
  );
}
