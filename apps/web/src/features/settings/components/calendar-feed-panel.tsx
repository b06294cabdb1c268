import { useEffect, useRef, useState } from 'react';
import { Field } from '../../../components/ui/field.tsx';
import { settingsJa } from '../../../i18n/ja/settings.ts';
import { useT } from '../../../lib/i18n.ts';
import { useCreateCalendarFeed, useDeleteCalendarFeed } from '../api/calendar-feed.ts';
import './settings.css';
import { Panel } from '../../../components/ui/panel.tsx';

/** https://… → webcal://…: the scheme calendar apps open as a subscription. */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:/, 'webcal:');
}

/**
 * カレンダーに返却期限日を表示 (docs/product.md §10): a secret iCalendar URL for the patron's calendar app.
 * The URL is shown once, when made (only its hash is kept); 「URLを作り直す」 makes a new one
 * and the old stops working; 「配信を停止する」 stops it.
 */
export function CalendarFeedPanel() {
  const t = useT(settingsJa);
  const create = useCreateCalendarFeed();
  const remove = useDeleteCalendarFeed();
  const [url, setUrl] = useState<string>();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string; at: number }>();
  const messageRef = useRef<HTMLDivElement>(null);
  // Focus follows each new message (after it is rendered), so it is read out and keyboard users stay in place.
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  function announce(kind: 'success' | 'error', text: string) {
    setMessage({ kind, text, at: Date.now() });
  }

  async function makeUrl() {
    const replacing = url !== undefined;
    try {
      const created = await create.mutateAsync();
      setUrl(created.url);
      announce('success', replacing ? t('settings.feedRenewed') : t('settings.feedCreated'));
    } catch (error) {
      announce('error', error instanceof Error ? error.message : String(error));
    }
  }

  async function stop() {
    try {
      await remove.mutateAsync();
      setUrl(undefined);
      announce('success', t('settings.feedStopped'));
    } catch (error) {
      announce('error', error instanceof Error ? error.message : String(error));
    }
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      announce('success', t('settings.feedCopied'));
    } catch {
      // No clipboard (an old browser, or permission refused): select it for the patron to copy.
      (document.getElementById('calendar-feed-url') as HTMLInputElement | null)?.select();
      announce('error', t('settings.feedCopyFailed'));
    }
  }

  const busy = create.isPending || remove.isPending;
  return (
    <Panel id="calendar-feed-heading" heading={t('settings.feedHeading')}>
      <p>{t('settings.feedIntro')}</p>
      <div role="status">
        {message ? (
          <div
            className={`alert ${message.kind === 'success' ? 'alert-success' : 'alert-error'}`}
            tabIndex={-1}
            ref={messageRef}
          >
            {message.text}
          </div>
        ) : null}
      </div>
      {url ? (
        <div className="form">
          <Field
            id="calendar-feed-url"
            label={t('settings.feedUrl')}
            name="calendarFeedUrl"
            className="calendar-feed-url"
            hint={t('settings.feedUrlHint')}
            value={url}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="actions">
            <button type="button" className="button" onClick={copy}>
              {t('settings.feedCopy')}
            </button>
            <a className="button" href={webcalUrl(url)}>
              {t('settings.feedOpen')}
            </a>
            <button type="button" className="button" onClick={makeUrl} disabled={busy}>
              {t('settings.feedRenew')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="button button-primary" onClick={makeUrl} disabled={busy}>
            {t('settings.feedCreate')}
          </button>
        </div>
      )}
      <p className="field-hint">{t('settings.feedStopHelp')}</p>
      <div className="actions">
        <button type="button" className="button" onClick={stop} disabled={busy}>
          {t('settings.feedStop')}
        </button>
      </div>
    </Panel>
  );
}
