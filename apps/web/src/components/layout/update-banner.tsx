import { commonJa } from '../../i18n/ja/common.ts';
import { useT } from '../../lib/i18n.ts';
import { applyUpdate, useUpdateAvailable } from '../../lib/service-worker.ts';

/** Offered when a new version is deployed; it is applied only when the patron chooses. */
export function UpdateBanner() {
  const available = useUpdateAvailable();
  const t = useT(commonJa);
  return (
    <div role="status" className="update-status">
      {available ? (
        <div className="update-banner">
          <p>{t('layout.updateAvailable')}</p>
          <button type="button" className="button button-small button-on-dark" onClick={applyUpdate}>
            {t('layout.update')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
