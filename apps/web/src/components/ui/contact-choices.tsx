import { registrationCatalogJa } from '@library/domain/registration';
import { useT } from '../../lib/i18n.ts';
import './contact-choices.css';
import { describedBy, FieldError } from './field.tsx';

/**
 * The guide's two checkboxes under a new email address (I7): 今後の連絡先 ticked by default,
 * 登録済み予約の連絡先 not. The form reads them as `useForContact` and `useForReservations`.
 */
export function ContactChoices({ error, idPrefix }: { error?: string; idPrefix: string }) {
  const t = useT(registrationCatalogJa);
  const errorId = `${idPrefix}-contact-error`;
  return (
    <div className="checkbox-group">
      <label className="checkbox">
        <input
          type="checkbox"
          id={`${idPrefix}-use-for-contact`}
          name="useForContact"
          defaultChecked
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(error && errorId)}
        />
        {t('contactChoice.useForContact')}
      </label>
      <label className="checkbox">
        <input type="checkbox" id={`${idPrefix}-use-for-reservations`} name="useForReservations" />
        {t('contactChoice.useForReservations')}
      </label>
      <FieldError id={errorId} error={error} />
    </div>
  );
}
