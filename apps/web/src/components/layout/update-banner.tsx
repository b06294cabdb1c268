import { applyUpdate, useUpdateAvailable } from '../../lib/service-worker.ts';

/** Offered when a new version is deployed; it is applied only when the patron chooses. */
export function UpdateBanner() {
  const available = useUpdateAvailable();
  return (
    <div role="status" className="update-status">
      {available ? (
        <div className="update-banner">
          <p>新しいバージョンがあります。</p>
          <button type="button" className="button button-small button-on-dark" onClick={applyUpdate}>
            更新する
          </button>
        </div>
      ) : null}
    </div>
  );
}
