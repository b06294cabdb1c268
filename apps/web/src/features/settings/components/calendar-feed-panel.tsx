import { useEffect, useRef, useState } from 'react';
import { Field } from '../../../components/ui/field.tsx';
import { useCreateCalendarFeed, useDeleteCalendarFeed } from '../api/calendar-feed.ts';
import './settings.css';

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
      announce(
        'success',
        replacing
          ? 'URLを作り直しました。前のURLは使えなくなりました。カレンダーアプリに新しいURLを登録してください。'
          : 'カレンダー用のURLを発行しました。カレンダーアプリに登録してください。',
      );
    } catch (error) {
      announce('error', error instanceof Error ? error.message : String(error));
    }
  }

  async function stop() {
    try {
      await remove.mutateAsync();
      setUrl(undefined);
      announce('success', 'カレンダーへの配信を停止しました。これまでのURLは使えません。');
    } catch (error) {
      announce('error', error instanceof Error ? error.message : String(error));
    }
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      announce('success', 'URLをコピーしました。');
    } catch {
      // No clipboard (an old browser, or permission refused): select it for the patron to copy.
      (document.getElementById('calendar-feed-url') as HTMLInputElement | null)?.select();
      announce(
        'error',
        'コピーできませんでした。選択されたURLを長押し（または Ctrl+C）でコピーしてください。',
      );
    }
  }

  const busy = create.isPending || remove.isPending;
  return (
    <section className="panel panel-narrow" aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading">カレンダーに返却期限日を表示</h2>
      <p>
        お使いのカレンダーアプリ（スマートフォンのカレンダーなど）に、返却期限日を表示できます。延長すると新しい期限日に変わります。
      </p>
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
            label="カレンダー用URL"
            name="calendarFeedUrl"
            className="calendar-feed-url"
            hint="(このURLを知っている人は返却期限日を見ることができます。人に教えないでください。URLはこの画面でしか表示されません)"
            value={url}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="actions">
            <button type="button" className="button" onClick={copy}>
              コピー
            </button>
            <a className="button" href={webcalUrl(url)}>
              カレンダーアプリで開く
            </a>
            <button type="button" className="button" onClick={makeUrl} disabled={busy}>
              URLを作り直す
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="button button-primary" onClick={makeUrl} disabled={busy}>
            カレンダー用のURLを発行する
          </button>
        </div>
      )}
      <p className="field-hint">
        URLを発行済みで、カレンダーへの配信をやめたいときは「配信を停止する」を押してください。新しく発行すると、前のURLは使えなくなります。
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={stop} disabled={busy}>
          配信を停止する
        </button>
      </div>
    </section>
  );
}
