import {
  addDays,
  addMonths,
  CALENDAR_DEFAULT_BRANCH,
  dayOfWeek,
  formatMonthDay,
  type PlainDate,
  type YearMonth,
  yearMonthOf,
} from '@library/domain';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { calendarJa } from '../../../i18n/ja/calendar.ts';
import { useT } from '../../../lib/i18n.ts';
import { type CalendarData, useCalendar } from '../api/get-calendar.ts';
import { CalendarMonthTable } from './calendar-month-table.tsx';
import { closedText, eventText } from './day-state.ts';
import './calendar.css';

const KEY_STEPS: Record<string, (date: PlainDate) => PlainDate> = {
  ArrowLeft: (d) => addDays(d, -1),
  ArrowRight: (d) => addDays(d, 1),
  ArrowUp: (d) => addDays(d, -7),
  ArrowDown: (d) => addDays(d, 7),
  Home: (d) => addDays(d, -dayOfWeek(d)),
  End: (d) => addDays(d, 6 - dayOfWeek(d)),
};

function timeOf(ms: number, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ja-JP', {
    timeZone: 'Asia/Tokyo',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);
}

/**
 * 図書館カレンダー (docs/product.md §5.3): two months of a branch — closed days, holidays, events and the
 * patron's due dates — as accessible tables, with a branch selector and month paging.
 */
export function LibraryCalendar() {
  const t = useT(calendarJa);
  const [branch, setBranch] = useState(CALENDAR_DEFAULT_BRANCH);
  const [from, setFrom] = useState<YearMonth | undefined>();
  const [selected, setSelected] = useState<PlainDate | undefined>();
  const pendingFocus = useRef<PlainDate | undefined>(undefined);
  const gridRef = useRef<HTMLDivElement>(null);
  const query = useCalendar({ branch, from });
  const data = query.data;
  const headingId = useId();
  const selectId = useId();

  // After paging with the keyboard, focus the day that was asked for once it is shown.
  useEffect(() => {
    const date = pendingFocus.current;
    if (!date) return;
    const button = gridRef.current?.querySelector<HTMLButtonElement>(`button[data-date="${date}"]`);
    if (button) {
      pendingFocus.current = undefined;
      button.focus();
    }
  });

  const shownFrom = data?.months[0]?.month;
  // From the month asked for last, not the one shown: a second tap while the first month is
  // still loading would otherwise ask for the same month again and be lost.
  const page = (delta: number) => {
    if (shownFrom) setFrom((asked) => addMonths(asked ?? shownFrom, delta));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, date: PlainDate) => {
    const step = KEY_STEPS[event.key];
    if (!step || !data) return;
    event.preventDefault();
    const target = step(date);
    const first = `${data.months[0]!.month}-01`;
    const last = data.months.at(-1)!.days.at(-1)!.date;
    if (target < first || target > last) page(target < first ? -1 : 1);
    pendingFocus.current = target;
    setSelected(target);
    gridRef.current?.querySelector<HTMLButtonElement>(`button[data-date="${target}"]`)?.focus();
  };

  const branchName = (d: CalendarData | undefined, code: string) =>
    d?.branches.find((b) => b.code === code)?.name ?? '';

  return (
    <section className="panel calendar" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('calendarPage.title')}</h2>
      <div className="calendar-toolbar">
        <div className="calendar-branch">
          <label htmlFor={selectId}>{t('calendarPage.branch')}</label>
          <select
            id={selectId}
            value={branch}
            onChange={(event) => {
              // Stay on the months being looked at.
              if (shownFrom) setFrom(shownFrom);
              setBranch(event.target.value);
              setSelected(undefined);
            }}
          >
            {(
              data?.branches ?? [
                {
                  code: CALENDAR_DEFAULT_BRANCH,
                  name: t('calendarPage.defaultBranch'),
                  shortName: t('calendarPage.defaultBranchShort'),
                },
              ]
            ).map((b) => (
              <option key={b.code} value={b.code}>
                {b.name === b.shortName
                  ? b.name
                  : t('calendarPage.branchWithShort', { name: b.name, short: b.shortName })}
              </option>
            ))}
          </select>
        </div>
        <ul className="calendar-legend" aria-label={t('calendarPage.legend')}>
          <li>
            <span className="calendar-mark mark-closed" aria-hidden="true">
              {t('calendarPage.markClosed')}
            </span>
            {t('calendarPage.closed')}
          </li>
          <li>
            <span className="calendar-mark mark-event" aria-hidden="true">
              {t('calendarPage.markEvent')}
            </span>
            {t('calendarPage.event')}
          </li>
          <li>
            <span className="calendar-mark mark-due" aria-hidden="true">
              {t('calendarPage.markDue')}
            </span>
            {t('portal.dueDate')}
          </li>
          <li>
            <span className="calendar-legend-today" aria-hidden="true">
              20
            </span>
            {t('calendarPage.today')}
          </li>
        </ul>
      </div>

      <div className="calendar-nav">
        <button type="button" className="button button-small" disabled={!shownFrom} onClick={() => page(-1)}>
          <span aria-hidden="true">‹ </span>
          {t('calendarPage.previousMonth')}
        </button>
        <p className="calendar-status" role="status">
          {query.isFetching && query.isPlaceholderData ? t('layout.loading') : ''}
        </p>
        <button type="button" className="button button-small" disabled={!shownFrom} onClick={() => page(1)}>
          {t('calendarPage.nextMonth')}
          <span aria-hidden="true"> ›</span>
        </button>
      </div>

      {query.isError ? (
        <div className="alert alert-error" role="alert">
          {data
            ? t('calendarPage.offlineCopy', { time: timeOf(query.dataUpdatedAt, t.lang) })
            : query.error.message}{' '}
          <button type="button" className="button button-small" onClick={() => void query.refetch()}>
            {t('layout.reload')}
          </button>
        </div>
      ) : null}

      <div
        ref={gridRef}
        className="calendar-months"
        aria-busy={query.isFetching && query.isPlaceholderData ? true : undefined}
      >
        {data ? (
          data.months.map((m, index) => {
            const first = `${m.month}-01`;
            const tabStop =
              selected && yearMonthOf(selected) === m.month
                ? selected
                : yearMonthOf(data.today) === m.month
                  ? data.today
                  : first;
            return (
              <CalendarMonthTable
                // By position: paging reuses the tables, so nothing is unmounted and refocused.
                key={index}
                month={m.month}
                days={m.days}
                today={data.today}
                branchName={branchName(data, data.branch)}
                tabStop={tabStop}
                selected={selected}
                onSelect={setSelected}
                onKeyDown={onKeyDown}
              />
            );
          })
        ) : query.isPending ? (
          <p className="calendar-placeholder loading">{t('calendarPage.loadingCalendar')}</p>
        ) : null}
      </div>

      <DayDetails data={data} date={selected} />
      <p className="calendar-help">{t('calendarPage.help')}</p>
    </section>
  );
}

/** What the selected day holds, in words (an event's time and description too). */
function DayDetails({ data, date }: { data: CalendarData | undefined; date: PlainDate | undefined }) {
  const t = useT(calendarJa);
  const day = date && data?.months.flatMap((m) => m.days).find((d) => d.date === date);
  return (
    <div className="calendar-details">
      {day && data ? (
        <>
          <p className="calendar-details-date">
            {formatMonthDay(day.date, t.lang)}
            {day.date === data.today ? t('calendarPage.todaySuffix') : ''}
            {day.holiday ? ` ${day.holiday}` : ''}
          </p>
          <ul>
            <li>{day.closed ? closedText(t, day) : t('calendarPage.open')}</li>
            {day.events.map((event) => (
              <li key={event.title}>
                {t('calendarPage.eventLine', { event: eventText(event) })}
                {event.description ? t('calendarPage.description', { description: event.description }) : ''}
              </li>
            ))}
            {day.dueCount ? <li>{t('calendarPage.dueLine', { count: day.dueCount })}</li> : null}
          </ul>
        </>
      ) : (
        <p className="calendar-details-empty">{t('calendarPage.detailsEmpty')}</p>
      )}
    </div>
  );
}
