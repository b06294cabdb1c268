import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiError } from '../../../test/api-error.ts';
import { setOnline } from '../../../test/online.ts';
import type { Loan, LoanPage } from '../api/get-loans.ts';
import type { RenewalResult } from '../api/renew-loans.ts';
import { LoanList } from './loan-list.tsx';
import { RenewalResultView } from './renewal-result.tsx';

// jsdom has <dialog> but not its methods; the browser's focus trap is covered by Playwright.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const loan = (over: Partial<Loan> & Pick<Loan, 'id' | 'no' | 'title'>): Loan => ({
  loanedOn: '2021-01-11',
  dueDate: '2021-01-25',
  branch: { code: 'mitsuhashi', name: '三橋図書館' },
  materialType: 'book',
  category: '一般',
  overdue: false,
  renewal: { eligible: true, newDueDate: '2021-02-03' },
  ...over,
});

const guidePage: LoanPage = {
  page: 1,
  pageSize: 10,
  totalPages: 2,
  total: 12,
  blocked: null,
  items: [
    loan({ id: 11, no: 1, title: 'マンガ日本の歴史 現代篇 3 大戦とデモクラシー' }),
    loan({ id: 12, no: 2, title: 'マンガ日本の歴史 現代篇 2 大日本帝国の成立' }),
    loan({ id: 13, no: 3, title: '北原白秋詩集', renewal: { eligible: false, reason: 'reserved' } }),
    loan({ id: 14, no: 4, title: '福岡県の歴史', renewal: { eligible: false, reason: 'interlibrary_loan' } }),
    loan({
      id: 15,
      no: 5,
      title: '水郷柳川（DVD）',
      renewal: { eligible: false, reason: 'already_renewed' },
    }),
    loan({
      id: 16,
      no: 6,
      title: '有明海の生きものたち',
      renewal: { eligible: false, reason: 'not_extended', availableFrom: '2021-01-21' },
    }),
    loan({ id: 17, no: 7, title: 'マンガ日本の歴史 現代篇 1 明治国家の経営' }),
  ],
};

interface Call {
  url: string;
  method: string;
  body?: unknown;
  headers: Record<string, string>;
}

/** Answers the SPA's fetches like the BFF would, and records them. */
function stubApi(routes: { loans: LoanPage; renewals?: (body: { loanIds: number[] }) => Response }) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({
        url: input,
        method: init.method ?? 'GET',
        body,
        headers: (init.headers ?? {}) as Record<string, string>,
      });
      if (input.startsWith('/api/loans')) return Response.json(routes.loans);
      if (input === '/api/renewals' && routes.renewals) return routes.renewals(body);
      return apiError(404, 'not_found', 'not found');
    }),
  );
  return calls;
}

function renderWithQuery(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

const checkboxes = () => screen.queryAllByRole('checkbox') as HTMLInputElement[];

describe('LoanList', () => {
  it('offers a checkbox and a 貸出延長 button only on renewable rows, and says why on the others', async () => {
    stubApi({ loans: guidePage });
    renderWithQuery(<LoanList page={1} onPageChange={() => {}} onRenewed={() => {}} />);
    await screen.findByText('該当件数【12】');
    expect(screen.getByRole('heading', { name: /貸出中一覧.*1\/2ページ/ })).toBeInTheDocument();
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual([
      '番号',
      '貸出日',
      '返却期限日',
      '貸出館',
      'タイトル',
      '種別',
      '注意',
      '貸出延長',
    ]);

    const row = (title: string) => screen.getByRole('cell', { name: title }).closest('tr')!;
    for (const [title, note] of [
      ['北原白秋詩集', '予約あり'],
      ['福岡県の歴史', '他館資料'],
      ['水郷柳川（DVD）', '延長済'],
      ['有明海の生きものたち', '2021/01/21以降に延長できます'],
    ] as const) {
      expect(within(row(title)).queryByRole('checkbox')).toBeNull();
      expect(within(row(title)).queryByRole('button', { name: '貸出延長' })).toBeNull();
      expect(within(row(title)).getByText(note)).toBeInTheDocument();
    }
    const renewableRow = row('マンガ日本の歴史 現代篇 2 大日本帝国の成立');
    expect(within(renewableRow).getByRole('checkbox')).toBeInTheDocument();
    expect(within(renewableRow).getByRole('button', { name: '貸出延長' })).toBeInTheDocument();
    const due = renewableRow.querySelector('td[data-label="返却期限日"]')!;
    expect(due).toHaveTextContent('2021/01/25');
    // It may wrap after the year only, never inside a number (the page wraps text anywhere).
    expect([...due.querySelectorAll('.nowrap')].map((e) => e.textContent)).toEqual(['2021/', '01/25']);
    expect(checkboxes()).toHaveLength(3);
  });

  it('全選択 and 全解除 (above and below) touch only the renewable rows; 一括貸出延長 waits for a tick', async () => {
    const user = userEvent.setup();
    stubApi({ loans: guidePage });
    renderWithQuery(<LoanList page={1} onPageChange={() => {}} onRenewed={() => {}} />);
    await screen.findByText('該当件数【12】');
    const [bulkTop, bulkBottom] = screen.getAllByRole('button', { name: /一括貸出延長/ });
    expect(bulkTop).toBeDisabled();
    expect(bulkBottom).toBeDisabled();

    const [selectAllTop, selectAllBottom] = screen.getAllByRole('button', { name: '全選択' });
    const [clearTop, clearBottom] = screen.getAllByRole('button', { name: '全解除' });
    await user.click(selectAllTop!);
    expect(checkboxes().map((c) => c.checked)).toEqual([true, true, true]);
    expect(bulkTop).toBeEnabled();
    expect(bulkTop).toHaveTextContent('一括貸出延長（3点）');
    await user.click(clearBottom!);
    expect(checkboxes().map((c) => c.checked)).toEqual([false, false, false]);
    expect(bulkBottom).toBeDisabled();
    await user.click(selectAllBottom!);
    await user.click(checkboxes()[1]!);
    expect(checkboxes().map((c) => c.checked)).toEqual([true, false, true]);
    await user.click(clearTop!);
    expect(checkboxes().every((c) => !c.checked)).toBe(true);
  });

  it('for a blocked patron shows the block and no renewal control at all', async () => {
    stubApi({
      loans: {
        ...guidePage,
        totalPages: 1,
        total: 2,
        blocked: 'patron_has_overdue',
        items: [
          loan({
            id: 21,
            no: 1,
            title: 'やさしい家庭料理',
            dueDate: '2021-01-18',
            overdue: true,
            renewal: { eligible: false, reason: 'patron_has_overdue' },
          }),
          loan({
            id: 22,
            no: 2,
            title: 'はじめての家庭菜園',
            renewal: { eligible: false, reason: 'patron_has_overdue' },
          }),
        ],
      },
    });
    renderWithQuery(<LoanList page={1} onPageChange={() => {}} onRenewed={() => {}} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '返却期限日を過ぎた資料があるため、貸出延長の手続きができません。',
    );
    expect(checkboxes()).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /貸出延長|全選択|全解除/ })).toBeNull();
    expect(screen.getByText('延滞中')).toBeInTheDocument();
  });

  it('keeps the last list when a refresh fails, says so and offers 再読み込み', async () => {
    const user = userEvent.setup();
    let fail = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        fail ? apiError(500, 'internal_error', 'システムエラー') : Response.json(guidePage),
      ),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <LoanList page={1} onPageChange={() => {}} onRenewed={() => {}} />
      </QueryClientProvider>,
    );
    await screen.findByText('該当件数【12】');
    fail = true;
    await act(() => client.refetchQueries());
    expect(await screen.findByRole('alert')).toHaveTextContent('最新の貸出状況を読み込めませんでした。');
    expect(screen.getByText('該当件数【12】')).toBeInTheDocument();
    expect(checkboxes()).toHaveLength(3);
    fail = false;
    await user.click(screen.getByRole('button', { name: '再読み込み' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('says so when nothing is on loan', async () => {
    stubApi({ loans: { ...guidePage, totalPages: 1, total: 0, items: [] } });
    renderWithQuery(<LoanList page={1} onPageChange={() => {}} onRenewed={() => {}} />);
    expect(await screen.findByText('現在借りている資料はありません。')).toBeInTheDocument();
  });
});

describe('the 継続貸出 dialog', () => {
  it('opens with focus on 延長する and gives focus back to the row button on キャンセル', async () => {
    const user = userEvent.setup();
    const calls = stubApi({ loans: guidePage });
    renderWithQuery(<LoanList page={1} onPageChange={() => {}} onRenewed={() => {}} />);
    await screen.findByText('該当件数【12】');
    const row = screen
      .getByRole('cell', { name: 'マンガ日本の歴史 現代篇 2 大日本帝国の成立' })
      .closest('tr')!;
    const rowButton = within(row).getByRole('button', { name: '貸出延長' });
    await user.click(rowButton);

    const dialog = screen.getByRole('dialog', { name: '継続貸出' });
    expect(dialog).toHaveAttribute('open');
    expect(within(dialog).getByText('借りている資料で一回のみ貸出延長が行えます。')).toBeInTheDocument();
    expect(within(dialog).getByText('貸出延長を行いますか？')).toBeInTheDocument();
    expect(
      within(dialog).getByRole('cell', { name: 'マンガ日本の歴史 現代篇 2 大日本帝国の成立' }),
    ).toBeInTheDocument();
    expect(dialog).toHaveTextContent('2021/01/25');
    expect(dialog).toHaveTextContent('2021/02/03');
    expect(within(dialog).getByRole('button', { name: '延長する' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'キャンセル' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(rowButton).toHaveFocus();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('closes on Escape (the dialog’s cancel event) and returns focus to 一括貸出延長', async () => {
    const user = userEvent.setup();
    stubApi({ loans: guidePage });
    renderWithQuery(<LoanList page={1} onPageChange={() => {}} onRenewed={() => {}} />);
    await screen.findByText('該当件数【12】');
    await user.click(checkboxes()[0]!);
    const [bulk] = screen.getAllByRole('button', { name: /一括貸出延長/ });
    await user.click(bulk!);
    fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bulk).toHaveFocus();
  });

  it('renews the ticked rows with one Idempotency-Key and hands the results over', async () => {
    const user = userEvent.setup();
    const onRenewed = vi.fn();
    const calls = stubApi({
      loans: guidePage,
      renewals: ({ loanIds }) =>
        Response.json({
          results: loanIds.map((loanId) => ({
            loanId,
            title: `title ${loanId}`,
            ok: true,
            previousDueDate: '2021-01-25',
            newDueDate: '2021-02-03',
          })),
        }),
    });
    renderWithQuery(<LoanList page={1} onPageChange={() => {}} onRenewed={onRenewed} />);
    await screen.findByText('該当件数【12】');
    await user.click(checkboxes()[0]!);
    await user.click(checkboxes()[2]!);
    await user.click(screen.getAllByRole('button', { name: /一括貸出延長/ })[0]!);
    await user.click(screen.getByRole('button', { name: '延長する' }));
    await waitFor(() => expect(onRenewed).toHaveBeenCalled());
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ loanIds: [11, 17] });
    expect(post.headers['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
    expect(onRenewed.mock.calls[0]![0]).toHaveLength(2);
  });

  it('shows a refusal of the whole procedure inside the dialog', async () => {
    const user = userEvent.setup();
    stubApi({
      loans: guidePage,
      renewals: () =>
        apiError(
          403,
          'patron_has_overdue',
          '返却期限日を過ぎた資料があるため、貸出延長の手続きができません。',
        ),
    });
    renderWithQuery(<LoanList page={1} onPageChange={() => {}} onRenewed={() => {}} />);
    await screen.findByText('該当件数【12】');
    await user.click(screen.getAllByRole('button', { name: '貸出延長' })[0]!);
    await user.click(screen.getByRole('button', { name: '延長する' }));
    const dialog = screen.getByRole('dialog');
    expect(await within(dialog).findByText(/返却期限日を過ぎた資料があるため/)).toBeInTheDocument();
  });
});

describe('offline', () => {
  it('shows the loans but no checkbox, 全選択, 一括貸出延長 or 貸出延長, and says why; back online they return', async () => {
    stubApi({ loans: guidePage });
    setOnline(false);
    renderWithQuery(<LoanList page={1} onPageChange={() => {}} onRenewed={() => {}} />);
    await screen.findByText('該当件数【12】');
    expect(screen.getByText('オフラインのため、貸出延長はできません。')).toBeInTheDocument();
    expect(
      screen.getByRole('cell', { name: 'マンガ日本の歴史 現代篇 2 大日本帝国の成立' }),
    ).toBeInTheDocument();
    expect(screen.getByText('予約あり')).toBeInTheDocument();
    expect(checkboxes()).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /貸出延長|全選択|全解除/ })).toBeNull();
    expect(screen.queryByText(/チェックを入れて/)).toBeNull();

    act(() => setOnline(true));
    expect(screen.queryByText('オフラインのため、貸出延長はできません。')).toBeNull();
    expect(checkboxes()).toHaveLength(3);
    expect(screen.getAllByRole('button', { name: '貸出延長' })).toHaveLength(3);
  });

  it('keeps the selection while offline and gives it back with the controls', async () => {
    const user = userEvent.setup();
    stubApi({ loans: guidePage });
    setOnline(true);
    renderWithQuery(<LoanList page={1} onPageChange={() => {}} onRenewed={() => {}} />);
    await screen.findByText('該当件数【12】');
    await user.click(checkboxes()[1]!);
    act(() => setOnline(false));
    expect(checkboxes()).toHaveLength(0);
    act(() => setOnline(true));
    expect(checkboxes().map((c) => c.checked)).toEqual([false, true, false]);
  });

  it('going offline with the dialog open: 延長する keeps focus but renews nothing, and says why', async () => {
    const user = userEvent.setup();
    setOnline(true);
    const calls = stubApi({ loans: guidePage });
    renderWithQuery(<LoanList page={1} onPageChange={() => {}} onRenewed={() => {}} />);
    await screen.findByText('該当件数【12】');
    await user.click(screen.getAllByRole('button', { name: '貸出延長' })[0]!);
    const dialog = screen.getByRole('dialog', { name: '継続貸出' });
    const confirm = within(dialog).getByRole('button', { name: '延長する' });
    expect(confirm).toHaveFocus();

    act(() => setOnline(false));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('オフラインのため、貸出延長はできません。');
    expect(confirm).toHaveAttribute('aria-disabled', 'true');
    expect(confirm).toHaveFocus();
    await user.click(confirm);
    await user.keyboard('{Enter}');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    expect(screen.getByRole('dialog')).toBeInTheDocument();

    act(() => setOnline(true));
    expect(confirm).toHaveAttribute('aria-disabled', 'false');
    expect(within(dialog).getByRole('alert')).toBeEmptyDOMElement();
  });
});

describe('RenewalResultView', () => {
  it('summarises a partial failure: renewed titles with their new due date, refused ones with the reason', async () => {
    const user = userEvent.setup();
    const onBack = vi.fn();
    const results: RenewalResult[] = [
      {
        loanId: 1,
        title: 'マンガ日本の歴史 現代篇 3 大戦とデモクラシー',
        ok: true,
        previousDueDate: '2021-01-25',
        newDueDate: '2021-02-03',
      },
      { loanId: 2, title: '北原白秋詩集', ok: false, reason: 'reserved' },
      {
        loanId: 3,
        title: '有明海の生きものたち',
        ok: false,
        reason: 'not_extended',
        availableFrom: '2021-01-21',
      },
      { loanId: 4, ok: false, reason: 'not_found' },
    ];
    render(<RenewalResultView results={results} onBack={onBack} />);
    const heading = screen.getByRole('heading', { name: '貸出延長を行いました' });
    expect(heading).toHaveFocus();
    const renewed = screen.getByRole('table', { name: '延長した資料' });
    expect(within(renewed).getByRole('row', { name: /現代篇 3.*2021\/02\/03/ })).toBeInTheDocument();
    const refused = screen.getByRole('list');
    expect(
      within(refused)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '北原白秋詩集予約が入っているため、延長できません。',
      '有明海の生きものたち今延長しても返却期限日が延びません。2021/01/21以降に延長できます。',
      '資料（番号 4）この資料は現在の貸出中一覧にありません。',
    ]);
    await user.click(screen.getByRole('button', { name: '前に戻る' }));
    expect(onBack).toHaveBeenCalledOnce();
  });

  it('says nothing was renewed when every item was refused', () => {
    render(
      <RenewalResultView
        results={[{ loanId: 2, title: '北原白秋詩集', ok: false, reason: 'reserved' }]}
        onBack={() => {}}
      />,
    );
    expect(screen.getByRole('heading', { name: '貸出延長できませんでした' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
