import {
  addDays,
  dayOfWeek,
  eachDate,
  generateClosedDays,
  LOAN_PERIOD_DAYS,
  type MaterialType,
  type PlainDate,
} from '@library/domain';
import { sql } from 'drizzle-orm';
import { japaneseHolidayOf } from '../../services/holidays.ts';
import { hashPassword } from '../../services/passwords.ts';
import type { Db, Tx } from '../client.ts';
import {
  branches,
  closedDays,
  events,
  items,
  loans,
  patrons,
  renewals,
  reservations,
  titles,
} from '../schema.ts';

/** The demo data of docs/product.md §7: a fixture contract that QA and the README rely on. */
export const DEMO_PASSWORD = 'tosho2021';

export const DEMO_BRANCHES = [
  { code: 'main', name: '柳川図書館', shortName: '本館', weeklyClosingDay: 1, sortOrder: 0 },
  { code: 'mitsuhashi', name: '三橋図書館', shortName: '三橋', weeklyClosingDay: 2, sortOrder: 1 },
  { code: 'yamato', name: '大和図書館', shortName: '大和', weeklyClosingDay: 1, sortOrder: 2 },
] as const;

export const DEMO_PATRONS = [
  {
    number: '100000001',
    nameKana: 'ヤナガワタロウ',
    birthDate: '1975-04-08',
    phone: '0944730001',
    email: 'taro.yanagawa@example.jp',
    registered: true,
  },
  {
    number: '200000002',
    nameKana: 'ミツハシハナコ',
    birthDate: '1982-03-15',
    phone: '0944730002',
    email: 'hanako.mitsuhashi@example.jp',
    registered: true,
  },
  {
    number: '300000003',
    nameKana: 'スズキハナコ',
    birthDate: '1990-11-05',
    phone: '0944123456',
    email: 'hanako.suzuki@example.jp',
    registered: false,
  },
  {
    number: '100000004',
    nameKana: 'ヤマトジロウ',
    birthDate: '1960-07-01',
    phone: '0944730004',
    email: null,
    registered: true,
  },
] as const;

type PatronNumber = (typeof DEMO_PATRONS)[number]['number'];
type BranchCode = (typeof DEMO_BRANCHES)[number]['code'];

interface DemoLoan {
  patron: PatronNumber;
  title: string;
  author?: string;
  materialType: MaterialType;
  category: string;
  branch: BranchCode;
  /** Days relative to T. */
  loanedOn: number;
  /** Days relative to T; defaults to the loan period counted from the loan day. */
  dueDate?: number;
  renewedOn?: number;
  illSource?: string;
  reservedBy?: PatronNumber;
}

export const DEMO_LOANS: DemoLoan[] = [
  // 1–3: the guide's screen (T = 2021-01-20 → loaned 2021/01/11, due 2021/01/25).
  ...[
    'マンガ日本の歴史 現代篇 3 大戦とデモクラシー',
    'マンガ日本の歴史 現代篇 2 大日本帝国の成立',
    'マンガ日本の歴史 現代篇 1 明治国家の経営',
  ].map(
    (title): DemoLoan => ({
      patron: '100000001',
      title,
      materialType: 'book',
      category: '一般',
      branch: 'mitsuhashi',
      loanedOn: -9,
      dueDate: 5,
    }),
  ),
  // 6: reserved by 100000004.
  {
    patron: '100000001',
    title: '北原白秋詩集',
    author: '北原白秋',
    materialType: 'book',
    category: '一般',
    branch: 'main',
    loanedOn: -7,
    reservedBy: '100000004',
  },
  // 5: a DVD already renewed once.
  {
    patron: '100000001',
    title: '水郷柳川 川下りの四季（DVD）',
    materialType: 'av',
    category: 'AV',
    branch: 'main',
    loanedOn: -6,
    renewedOn: -1,
  },
  // 7: borrowed from another library system.
  {
    patron: '100000001',
    title: '福岡県の歴史',
    author: '川添昭二',
    materialType: 'book',
    category: '一般',
    branch: 'main',
    loanedOn: -5,
    illSource: '福岡県立図書館',
  },
  // 4: a magazine.
  {
    patron: '100000001',
    title: '月刊 こどもの本 1月号',
    materialType: 'magazine',
    category: '雑誌',
    branch: 'main',
    loanedOn: -3,
    dueDate: 4,
  },
  // 8: loaned today, due T+14: renewing today would not extend it.
  {
    patron: '100000001',
    title: '有明海の生きものたち',
    materialType: 'book',
    category: '児童',
    branch: 'main',
    loanedOn: 0,
    dueDate: 14,
  },
  // 200000002: one overdue, one not.
  {
    patron: '200000002',
    title: 'やさしい家庭料理',
    materialType: 'book',
    category: '一般',
    branch: 'mitsuhashi',
    loanedOn: -16,
    dueDate: -2,
  },
  {
    patron: '200000002',
    title: 'はじめての家庭菜園',
    materialType: 'book',
    category: '一般',
    branch: 'mitsuhashi',
    loanedOn: -9,
    dueDate: 5,
  },
  // 100000004: 23 books for paging.
  ...Array.from(
    { length: 23 },
    (_, i): DemoLoan => ({
      patron: '100000004',
      title: `柳川ふるさと文庫 第${i + 1}巻`,
      materialType: 'book',
      category: '一般',
      branch: 'main',
      loanedOn: -3,
    }),
  ),
];

/** The calendar is generated this far around T (at least T−1 year … T+1 year). */
export const DEMO_CALENDAR_DAYS = 400;

type Executor = Db | Tx;

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(patrons);
  return (row?.n ?? 0) === 0;
}

/** Loads the demo data in one transaction, relative to the business date `today` (T). */
export async function loadDemoData(db: Db, today: PlainDate): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await tx.insert(branches).values([...DEMO_BRANCHES]);
    const patronRows = await tx
      .insert(patrons)
      .values(
        DEMO_PATRONS.map((p) => ({
          number: p.number,
          nameKana: p.nameKana,
          birthDate: p.birthDate,
          phone: p.phone,
          email: p.email,
          passwordHash: p.registered ? passwordHash : null,
          passwordChangedAt: p.registered ? new Date() : null,
        })),
      )
      .returning({ id: patrons.id, number: patrons.number });
    const patronId = new Map(patronRows.map((p) => [p.number, p.id]));

    let barcode = 1;
    for (const loan of DEMO_LOANS) {
      const [title] = await tx
        .insert(titles)
        .values({ title: loan.title, author: loan.author ?? null })
        .returning({ id: titles.id });
      const [item] = await tx
        .insert(items)
        .values({
          titleId: title!.id,
          barcode: `2100${String(barcode++).padStart(6, '0')}`,
          materialType: loan.materialType,
          category: loan.category,
          illSource: loan.illSource ?? null,
        })
        .returning({ id: items.id });
      const loanedOn = addDays(today, loan.loanedOn);
      const period = LOAN_PERIOD_DAYS[loan.materialType];
      const firstDue = addDays(loanedOn, period - 1);
      const renewedOn = loan.renewedOn === undefined ? undefined : addDays(today, loan.renewedOn);
      const dueDate =
        loan.dueDate !== undefined
          ? addDays(today, loan.dueDate)
          : renewedOn !== undefined
            ? addDays(renewedOn, period - 1)
            : firstDue;
      const [row] = await tx
        .insert(loans)
        .values({
          patronId: patronId.get(loan.patron)!,
          itemId: item!.id,
          branchCode: loan.branch,
          loanedOn,
          dueDate,
          renewalCount: renewedOn ? 1 : 0,
        })
        .returning({ id: loans.id });
      if (renewedOn) {
        await tx.insert(renewals).values({
          loanId: row!.id,
          renewalNumber: 1,
          renewedOn,
          renewedAt: new Date(`${renewedOn}T10:00:00+09:00`),
          previousDueDate: firstDue,
          newDueDate: dueDate,
          channel: 'counter',
        });
      }
      if (loan.reservedBy) {
        await tx
          .insert(reservations)
          .values({ titleId: title!.id, patronId: patronId.get(loan.reservedBy)! });
      }
    }
    await loadCalendar(tx, today);
  });
}

/** No branch yet: the library's own part of the demo (branches, calendar) is not loaded. */
export async function hasNoBranches(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(branches);
  return (row?.n ?? 0) === 0;
}

/**
 * CIRCULATION=sip2: only what stays the portal's own — the branches and their calendar. The
 * patrons, items and loans are the ILS's (scripts/start-sip2.mjs gives its fake ILS the demo's).
 */
export async function loadDemoLibrary(db: Db, today: PlainDate): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(branches).values([...DEMO_BRANCHES]);
    await loadCalendar(tx, today);
  });
}

async function loadCalendar(tx: Executor, today: PlainDate): Promise<void> {
  const from = addDays(today, -DEMO_CALENDAR_DAYS);
  const to = addDays(today, DEMO_CALENDAR_DAYS);
  for (const branch of DEMO_BRANCHES) {
    const days = generateClosedDays(branch, from, to, japaneseHolidayOf);
    await tx.insert(closedDays).values(days.map((d) => ({ branchCode: branch.code, ...d })));
  }
  // おはなし会 at 本館 on the 2nd and 4th Saturday, 14:00.
  const storyTimes = eachDate(from, to).filter((date) => {
    const nth = Math.ceil(Number(date.slice(8)) / 7);
    return dayOfWeek(date) === 6 && (nth === 2 || nth === 4);
  });
  await tx.insert(events).values(
    storyTimes.map((date) => ({
      branchCode: 'main',
      date,
      time: '14:00',
      title: 'おはなし会',
      description: '絵本の読み聞かせと手遊び（幼児・小学生向け、申込不要）',
    })),
  );
}
