import { registrationCatalogJa } from '@library/domain/registration';
import { useT } from '../../lib/i18n.ts';
import { Checkbox } from './checkbox.tsx';
import './contact-choices.css';

/**
 * The guide's two checkboxes under a new email address (I7): 今後の連絡先 ticked by default,
 * 登録済み予約の連絡先 not. The form reads them as `useForContact` and `useForReservations`.
 */
export function ContactChoices({ error, idPrefix }: { error?: string; idPrefix: string }) {
  const t = useT(registrationCatalogJa);
  return (
    <div className="checkbox-group">
      <Checkbox
        id={`${idPrefix}-use-for-contact`}
        name="useForContact"
        label={t('contactChoice.useForContact')}
        defaultChecked
        error={error}
      />
      <Checkbox
        id={`${idPrefix}-use-for-reservations`}
        name="useForReservations"
        label={t('contactChoice.useForReservations')}
      />
    </div>
  );
}
