import { formatYearMonth, monthWeeks, type PlainDate, weekdayNames, type YearMonth } from '@library/domain';
import type { KeyboardEvent } from 'react';
import { calendarJa } from '../../../i18n/ja/calendar.ts';
import { type Translate, useT } from '../../../lib/i18n.ts';
import type { CalendarDay } from '../api/get-calendar.ts';
import { dayLabel } from './day-state.ts';

interface Props {
  month: YearMonth;
  days: CalendarDay[];
  today: PlainDate;
  branchName: string;
  /** The date that takes Tab focus in this table (roving tabindex). */
  tabStop: PlainDate;
  selected: PlainDate | undefined;
  onSelect(date: PlainDate): void;
  onKeyDown(event: KeyboardEvent<HTMLButtonElement>, date: PlainDate): void;
}

/** One month as a real table: a caption, 日…土 column headers, one cell per day. */
export function CalendarMonthTable({
  month,
  days,
  today,
  branchName,
  tabStop,
  selected,
  onSelect,
  onKeyDown,
}: Props) {
  const t = useT(calendarJa);
  const byDate = new Map(days.map((d) => [d.date, d]));
  const names = weekdayNames(t.lang, 'long');
  return (
    <table className="calendar-table">
      <caption>
        {formatYearMonth(month, t.lang)}
        <span className="visually-hidden">{t('calendarPage.branchInCaption', { branch: branchName })}</span>
      </caption>
      <thead>
        <tr>
          {weekdayNames(t.lang, 'short').map((label, i) => (
            <th key={label} scope="col" abbr={names[i]} className={`weekday-${i}`}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(month).map((week) => {
          const empty = week.every((d) => d === null);
          return (
            // Six rows always, so months line up and paging never moves what is below;
            // a row outside the month says nothing to screen readers.
            <tr key={week.find(Boolean) ?? `${month}-empty`} aria-hidden={empty ? true : undefined}>
              {week.map((date, i) => {
                const day = date ? byDate.get(date) : undefined;
                if (!date || !day) return <td key={date ?? `${month}-${i}`} className="calendar-blank" />;
                return (
                  <DayCell
                    key={date}
                    t={t}
                    day={day}
                    today={today}
                    weekday={i}
                    tabStop={tabStop === date}
                    selected={selected === date}
                    onSelect={onSelect}
                    onKeyDown={onKeyDown}
                  />
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function DayCell({
  t,
  day,
  today,
  weekday,
  tabStop,
  selected,
  onSelect,
  onKeyDown,
}: {
  t: Translate;
  day: CalendarDay;
  today: PlainDate;
  weekday: number;
  tabStop: boolean;
  selected: boolean;
  onSelect(date: PlainDate): void;
  onKeyDown(event: KeyboardEvent<HTMLButtonElement>, date: PlainDate): void;
}) {
  const isToday = day.date === today;
  const classes = [
    'calendar-day',
    `weekday-${weekday}`,
    day.closed ? 'is-closed' : '',
    day.holiday ? 'is-holiday' : '',
    day.events.length > 0 ? 'has-event' : '',
    day.dueCount ? 'is-due' : '',
    isToday ? 'is-today' : '',
    selected ? 'is-selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <td className={classes}>
      <button
        type="button"
        className="calendar-day-button"
        data-date={day.date}
        tabIndex={tabStop ? 0 : -1}
        aria-current={isToday ? 'date' : undefined}
        onClick={() => onSelect(day.date)}
        onFocus={() => onSelect(day.date)}
        onKeyDown={(event) => onKeyDown(event, day.date)}
      >
        <span className="calendar-day-head" aria-hidden="true">
          <span className="calendar-day-number">{Number(day.date.slice(8))}</span>
          {isToday ? <span className="calendar-today-tag">{t('calendarPage.today')}</span> : null}
        </span>
        <span className="calendar-holiday" aria-hidden="true">
          {day.holiday ?? ''}
        </span>
        <span className="calendar-marks" aria-hidden="true">
          {day.closed ? (
            <span className="calendar-mark mark-closed">{t('calendarPage.markClosed')}</span>
          ) : null}
          {day.events.length > 0 ? <span className="calendar-mark mark-event">●</span> : null}
          {day.dueCount ? (
            <span className="calendar-mark mark-due">
              {t('calendarPage.markDue')}
              {day.dueCount > 1 ? day.dueCount : ''}
            </span>
          ) : null}
        </span>
        <span className="visually-hidden">{dayLabel(t, day, today)}</span>
      </button>
    </td>
  );
}
