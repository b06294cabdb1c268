import {
  addDays,
  addMonths,
  CALENDAR_DEFAULT_BRANCH,
  dayOfWeek,
  formatMonthDayJa,
  type PlainDate,
  type YearMonth,
  yearMonthOf,
} from '@library/domain';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
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

function timeOf(ms: number): string {
  return new Intl.DateTimeFormat('ja-JP', {
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
      <h2 id={headingId}>図書館カレンダー</h2>
      <div className="calendar-toolbar">
        <div className="calendar-branch">
          <label htmlFor={selectId}>表示する図書館</label>
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
              data?.branches ?? [{ code: CALENDAR_DEFAULT_BRANCH, name: '柳川図書館', shortName: '本館' }]
            ).map((b) => (
              <option key={b.code} value={b.code}>
                {b.name === b.shortName ? b.name : `${b.name}（${b.shortName}）`}
              </option>
            ))}
          </select>
        </div>
        <ul className="calendar-legend" aria-label="凡例">
          <li>
            <span className="calendar-mark mark-closed" aria-hidden="true">
              休
            </span>
            休館日
          </li>
          <li>
            <span className="calendar-mark mark-event" aria-hidden="true">
              ●
            </span>
            イベント
          </li>
          <li>
            <span className="calendar-mark mark-due" aria-hidden="true">
              返
            </span>
            返却期限日
          </li>
          <li>
            <span className="calendar-legend-today" aria-hidden="true">
              20
            </span>
            今日
          </li>
        </ul>
      </div>

      <div className="calendar-nav">
        <button type="button" className="button button-small" disabled={!shownFrom} onClick={() => page(-1)}>
          <span aria-hidden="true">‹ </span>前の月
        </button>
        <p className="calendar-status" role="status">
          {query.isFetching && query.isPlaceholderData ? '読み込んでいます…' : ''}
        </p>
        <button type="button" className="button button-small" disabled={!shownFrom} onClick={() => page(1)}>
          次の月<span aria-hidden="true"> ›</span>
        </button>
      </div>

      {query.isError ? (
        <div className="alert alert-error" role="alert">
          {data
            ? `通信できないため、${timeOf(query.dataUpdatedAt)}時点のカレンダーを表示しています。`
            : query.error.message}{' '}
          <button type="button" className="button button-small" onClick={() => void query.refetch()}>
            再読み込み
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
          <p className="calendar-placeholder loading">カレンダーを読み込んでいます…</p>
        ) : null}
      </div>

      <DayDetails data={data} date={selected} />
      <p className="calendar-help">
        日付を選ぶと（キーボードでは矢印キーで移動）、その日の予定が表示されます。
      </p>
    </section>
  );
}

/** What the selected day holds, in words (an event's time and description too). */
function DayDetails({ data, date }: { data: CalendarData | undefined; date: PlainDate | undefined }) {
  const day = date && data?.months.flatMap((m) => m.days).find((d) => d.date === date);
  return (
    <div className="calendar-details">
      {day && data ? (
        <>
          <p className="calendar-details-date">
            {formatMonthDayJa(day.date)}
            {day.date === data.today ? '（今日）' : ''}
            {day.holiday ? ` ${day.holiday}` : ''}
          </p>
          <ul>
            <li>{day.closed ? closedText(day) : '開館'}</li>
            {day.events.map((event) => (
              <li key={event.title}>
                イベント: {eventText(event)}
                {event.description ? `（${event.description}）` : ''}
              </li>
            ))}
            {day.dueCount ? <li>返却期限日: {day.dueCount}点</li> : null}
          </ul>
        </>
      ) : (
        <p className="calendar-details-empty">日付を選ぶと、その日の予定がここに表示されます。</p>
      )}
    </div>
  );
}
