import { useEffect, useId, useState } from 'react';
import { settingsJa } from '../../../i18n/ja/settings.ts';
import { useT } from '../../../lib/i18n.ts';
import {
  currentPushState,
  disablePush,
  enablePush,
  type PushState,
  WebPushError,
  webPushMessages,
} from '../../../lib/web-push.ts';
import '../../../components/ui/contact-choices.css';

/**
 * プッシュ通知 for this browser: switching it on is what asks the browser's permission (never the
 * page load). A minimal control around lib/web-push.ts; 「お知らせの設定」 may take its place.
 */
export function PushSetting() {
  const t = useT(settingsJa);
  const [state, setState] = useState<PushState | 'loading'>('loading');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const errorId = useId();

  useEffect(() => {
    let live = true;
    currentPushState().then(
      (s) => live && setState(s),
      () => live && setState('unsupported'),
    );
    return () => {
      live = false;
    };
  }, []);

  async function toggle(on: boolean) {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      if (on) await enablePush();
      else await disablePush();
      setDone(on ? t('settings.pushOn') : t('settings.pushOff'));
    } catch (e) {
      setError(e instanceof WebPushError ? e.message : webPushMessages.subscribeFailed);
    } finally {
      setState(await currentPushState().catch(() => 'unsupported' as const));
      setBusy(false);
    }
  }

  return (
    <section className="panel panel-narrow" aria-labelledby="push-setting-heading">
      <h2 id="push-setting-heading">{t('settings.pushHeading')}</h2>
      <p>{t('settings.pushIntro')}</p>
      {state === 'unsupported' ? (
        <p>{t(webPushMessages.unsupported)}</p>
      ) : (
        <div className="checkbox-group">
          <label className="checkbox">
            <input
              type="checkbox"
              name="push"
              checked={state === 'subscribed'}
              disabled={busy || state === 'loading'}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(event) => void toggle(event.currentTarget.checked)}
            />
            {t('settings.pushReceive')}
          </label>
          {error ? (
            <p className="field-error" id={errorId} role="alert">
              {t(error)}
            </p>
          ) : null}
          {state === 'denied' && !error ? <p className="field-hint">{t(webPushMessages.denied)}</p> : null}
        </div>
      )}
      <p role="status">{done}</p>
    </section>
  );
}
