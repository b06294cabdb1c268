import { addDays, eachDate, generateClosedDays, lastOfMonth, monthRange } from '@library/domain';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError } from '../../../test/api-error.ts';
import type { CalendarData } from '../api/get-calendar.ts';
import { LibraryCalendar } from './library-calendar.tsx';

const holidays: Record<string, string> = {
  '2021-01-01': '元日',
  '2021-01-11': '成人の日',
  '2021-02-11': '建国記念の日',
  '2021-02-23': '天皇誕生日',
  '2021-03-20': '春分の日',
};
const branches = [
  { code: 'main', name: '柳川図書館', shortName: '本館', weeklyClosingDay: 1 },
  { code: 'mitsuhashi', name: '三橋図書館', shortName: '三橋', weeklyClosingDay: 2 },
];

/** What the BFF answers, built from the same domain rules (the API itself is tested in the BFF). */
function answer(url: URL): CalendarData {
  const code = url.searchParams.get('branch') ?? 'main';
  const from = url.searchParams.get('from') ?? '2021-01';
  const months = monthRange(from, Number(url.searchParams.get('months') ?? 2));
  const branch = branches.find((b) => b.code === code)!;
  const closed = new Map(
    generateClosedDays(branch, addDays(`${from}-01`, 0), lastOfMonth(months.at(-1)!), (d) => holidays[d]).map(
      (d) => [d.date, d.reason],
    ),
  );
  return {
    today: '2021-01-20',
    branch: code,
    branches: branches.map(({ code, name, shortName }) => ({ code, name, shortName })),
    months: months.map((month) => ({
      month,
      days: eachDate(`${month}-01`, lastOfMonth(month)).map((date) => ({
        date,
        closed: closed.has(date),
        ...(closed.has(date) ? { closedReason: closed.get(date) } : {}),
        ...(holidays[date] ? { holiday: holidays[date] } : {}),
        events:
          code === 'main' && (date === '2021-01-23' || date === '2021-02-27')
            ? [{ title: 'おはなし会', time: '14:00', description: '絵本の読み聞かせ（申込不要）' }]
            : [],
        dueCount: date === '2021-01-25' ? 3 : date === '2021-01-24' ? 1 : 0,
      })),
    })),
  };
}

let requests: URL[];
let hold: Promise<void> | undefined;
/** Keeps the calendar's answers back until the returned function is called (a slow network). */
function holdAnswers(): () => void {
  let release!: () => void;
  hold = new Promise((resolve) => {
    release = resolve;
  });
  return release;
}
beforeEach(() => {
  requests = [];
  hold = undefined;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://localhost');
      requests.push(url);
      if (hold) await hold;
      if (url.searchParams.get('branch') === 'broken') {
        return apiError(400, 'unknown_branch', '指定された図書館はありません。');
      }
      return Response.json(answer(url));
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderCalendar() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <LibraryCalendar />
    </QueryClientProvider>,
  );
}

/** A day's button; found by its date because name queries over ~60 buttons are slow in jsdom. */
const day = (table: HTMLElement, date: string) => {
  const button = table.querySelector<HTMLButtonElement>(`button[data-date="${date}"]`);
  if (!button) throw new Error(`no button for ${date}`);
  return button;
};

// Rendering two months of buttons is slow in jsdom on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

describe('図書館カレンダー', () => {
  it('shows this month and the next at 本館, weeks from 日曜日, every state in words', async () => {
    renderCalendar();
    const january = await screen.findByRole('table', { name: '2021年1月（柳川図書館）' });
    const february = screen.getByRole('table', { name: '2021年2月（柳川図書館）' });
    expect(requests[0]!.search).toBe('?branch=main&months=2');
    expect(
      within(january)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['日', '月', '火', '水', '木', '金', '土']);
    expect(within(january).getAllByRole('columnheader')[0]).toHaveAttribute('abbr', '日曜日');
    // 1 January 2021 is a Friday: the sixth cell of the first row.
    const firstRow = within(january).getAllByRole('row')[1]!;
    expect(within(firstRow).getAllByRole('cell')[5]).toHaveTextContent('1');

    expect(day(january, '2021-01-25')).toHaveAccessibleName('1月25日（月） 休館日、返却期限日 3点');
    expect(day(january, '2021-01-28')).toHaveAccessibleName('1月28日（木） 休館日（館内整理日）');
    expect(day(january, '2021-01-01')).toHaveAccessibleName('1月1日（金） 元日、休館日（年末年始）');
    expect(day(january, '2021-01-11')).toHaveAccessibleName('1月11日（月） 成人の日、開館');
    expect(day(january, '2021-01-12')).toHaveAccessibleName('1月12日（火） 休館日');
    expect(day(january, '2021-01-23')).toHaveAccessibleName('1月23日（土） 開館、イベント おはなし会 14:00');
    const today = day(january, '2021-01-20');
    expect(today).toHaveAccessibleName('1月20日（水） 今日、開館');
    expect(today).toHaveAttribute('aria-current', 'date');
    expect(day(february, '2021-02-23')).toHaveAccessibleName('2月23日（火） 天皇誕生日、開館');

    // The holiday's name and the marks are visible too, not colour alone.
    expect(day(january, '2021-01-11')).toHaveTextContent('成人の日');
    expect(day(january, '2021-01-25')).toHaveTextContent('休返3');
    const legend = screen.getByRole('list', { name: '凡例' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['休休館日', '●イベント', '返返却期限日', '20今日']);
  });

  it('has one Tab stop per month and moves between days with the arrow keys', async () => {
    const user = userEvent.setup();
    renderCalendar();
    const january = await screen.findByRole('table', { name: /2021年1月/ });
    const tabStops = screen.getAllByRole('button').filter((b) => b.dataset.date && b.tabIndex === 0);
    expect(tabStops.map((b) => b.dataset.date)).toEqual(['2021-01-20', '2021-02-01']);

    await user.click(screen.getByRole('button', { name: /前の月/ }));
    await screen.findByRole('table', { name: /2020年12月/ });
    await user.click(screen.getByRole('button', { name: /次の月/ }));
    await screen.findByRole('table', { name: /2021年2月/ });

    act(() => day(january, '2021-01-20').focus());
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toHaveAttribute('data-date', '2021-01-21');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toHaveAttribute('data-date', '2021-02-04');
    await user.keyboard('{Home}');
    expect(document.activeElement).toHaveAttribute('data-date', '2021-01-31');
    await user.keyboard('{End}');
    expect(document.activeElement).toHaveAttribute('data-date', '2021-02-06');
    expect(january).toBeInTheDocument();

    // Past the last shown month: the calendar pages and the day keeps the focus.
    act(() => day(screen.getByRole('table', { name: /2021年2月/ }), '2021-02-27').focus());
    await user.keyboard('{ArrowDown}');
    await screen.findByRole('table', { name: /2021年3月/ });
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-date', '2021-03-06'));
    expect(requests.at(-1)!.searchParams.get('from')).toBe('2021-02');
  });

  it("shows a day's details, an event's time and description included, on focus or tap", async () => {
    const user = userEvent.setup();
    renderCalendar();
    const january = await screen.findByRole('table', { name: /2021年1月/ });
    expect(screen.getByText('日付を選ぶと、その日の予定がここに表示されます。')).toBeInTheDocument();
    await user.click(day(january, '2021-01-23'));
    expect(
      screen.getByText('イベント: おはなし会 14:00（絵本の読み聞かせ（申込不要））'),
    ).toBeInTheDocument();
    expect(screen.getByText('1月23日（土）')).toBeInTheDocument();
    act(() => day(january, '2021-01-25').focus());
    const details = document.querySelector<HTMLElement>('.calendar-details')!;
    expect(
      within(details)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['休館日', '返却期限日: 3点']);
  });

  it('switches to 三橋図書館 on the same months, keeping the old months on screen while loading', async () => {
    const user = userEvent.setup();
    renderCalendar();
    await screen.findByRole('table', { name: '2021年1月（柳川図書館）' });
    const release = holdAnswers();
    await user.selectOptions(screen.getByLabelText('表示する図書館'), 'mitsuhashi');
    // Still two tables while the answer is on its way: nothing jumps.
    expect(screen.getAllByRole('table')).toHaveLength(2);
    expect(await screen.findByRole('status')).toHaveTextContent('読み込んでいます…');
    release();
    const february = await screen.findByRole('table', { name: '2021年2月（三橋図書館）' });
    expect(requests.at(-1)!.search).toBe('?branch=mitsuhashi&months=2&from=2021-01');
    expect(day(february, '2021-02-23')).toHaveAccessibleName('2月23日（火） 天皇誕生日、開館');
    expect(day(february, '2021-02-24')).toHaveAccessibleName('2月24日（水） 休館日');
    expect(day(february, '2021-02-22')).toHaveAccessibleName('2月22日（月） 開館');
  });

  it('counts every tap on 前の月 / 次の月, also those made while a month is still loading', async () => {
    const user = userEvent.setup();
    renderCalendar();
    await screen.findByRole('table', { name: '2021年1月（柳川図書館）' });
    const release = holdAnswers();
    await user.click(screen.getByRole('button', { name: /次の月/ }));
    await user.click(screen.getByRole('button', { name: /次の月/ }));
    release();
    expect(await screen.findByRole('table', { name: '2021年4月（柳川図書館）' })).toBeInTheDocument();
    expect(requests.at(-1)!.searchParams.get('from')).toBe('2021-03');
    await user.click(screen.getByRole('button', { name: /前の月/ }));
    await user.click(screen.getByRole('button', { name: /前の月/ }));
    await user.click(screen.getByRole('button', { name: /前の月/ }));
    expect(await screen.findByRole('table', { name: '2020年12月（柳川図書館）' })).toBeInTheDocument();
  });

  it('says what went wrong and offers to try again', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => apiError(500, 'internal_error', 'システムエラーが発生しました。')),
    );
    renderCalendar();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('システムエラーが発生しました。');
    expect(within(alert).getByRole('button', { name: '再読み込み' })).toBeInTheDocument();
  });
});
