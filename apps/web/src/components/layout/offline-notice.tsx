import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { commonJa } from '../../i18n/ja/common.ts';
import { formatDateTimeJa } from '../../lib/format-date-time.ts';
import { useT } from '../../lib/i18n.ts';
import { useOnlineStatus } from '../../lib/online-status.ts';

/** When the data on screen was fetched: the oldest of the queries shown, or 0 without any. */
function useShownDataTime(): number {
  const queryCache = useQueryClient().getQueryCache();
  const subscribe = useCallback((onChange: () => void) => queryCache.subscribe(onChange), [queryCache]);
  const oldest = useCallback(() => {
    let time = 0;
    for (const query of queryCache.getAll()) {
      const { data, dataUpdatedAt } = query.state;
      if (query.getObserversCount() > 0 && data !== undefined && dataUpdatedAt > 0) {
        time = time === 0 ? dataUpdatedAt : Math.min(time, dataUpdatedAt);
      }
    }
    return time;
  }, [queryCache]);
  return useSyncExternalStore(subscribe, oldest, () => 0);
}

/**
 * 「オフラインです」 and the time of the data shown (restored from IndexedDB). The live region
 * is always in the page so that going offline is announced.
 */
export function OfflineNotice() {
  const online = useOnlineStatus();
  const dataTime = useShownDataTime();
  const t = useT(commonJa);
  return (
    <div role="status" className="offline-status">
      {online ? null : (
        <div className="alert alert-offline">
          <strong>{t('layout.offline')}</strong>
          {/* Japanese runs its sentences together; English needs the space (a screen reader reads the text). */}
          {t.lang === 'ja' ? null : ' '}
          {dataTime > 0 ? (
            <>
              {t('layout.offlineDataBefore')}{' '}
              <time dateTime={new Date(dataTime).toISOString()}>{formatDateTimeJa(dataTime)}</time>
              {t.lang === 'ja' ? ' ' : ''}
              {t('layout.offlineDataAfter')}
            </>
          ) : (
            t('layout.offlineRetry')
          )}
        </div>
      )}
    </div>
  );
}
