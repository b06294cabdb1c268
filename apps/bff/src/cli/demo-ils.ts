/**
 * `npm run start:sip2`'s ILS: the project's own SIP2 server (`@library/sip2/testing`) holding
 * docs/product.md §7's demo patrons and loans as ILS data, so the portal can be tried on CIRCULATION=sip2
 * in a minute. A demo, not a library system: state lives in memory until the process ends.
 *
 *   SIP2_DEMO_PORT=6001 node --import tsx src/cli/demo-ils.ts
 */
import { addDays, LOAN_PERIOD_DAYS, type MaterialType, plainDateInTokyo } from '@library/domain';
import { FakeIls, type FakeItem } from '@library/sip2/testing';
import { DEMO_LOANS, DEMO_PATRONS } from '../db/seed/demo-data.ts';

/** The demo PINs (SIP2_PASSWORDS=ils): the ILS's, not the portal's `tosho2021`. */
export const DEMO_ILS_PINS: Record<string, string> = {
  '100000001': '1111',
  '200000002': '2222',
  '300000003': '3333',
  '100000004': '4444',
};

const MEDIA: Record<MaterialType, string> = { book: '001', magazine: '002', av: '005' };

const port = Number(process.env.SIP2_DEMO_PORT ?? 6001);
const today = process.env.LIBRARY_TODAY ?? plainDateInTokyo(new Date());
const ymd = (date: string) => date.replaceAll('-', '');

const items: FakeItem[] = DEMO_LOANS.map((loan, index) => {
  const loanedOn = addDays(today, loan.loanedOn);
  const period = LOAN_PERIOD_DAYS[loan.materialType];
  const renewedOn = loan.renewedOn === undefined ? undefined : addDays(today, loan.renewedOn);
  const due =
    loan.dueDate !== undefined ? addDays(today, loan.dueDate) : addDays(renewedOn ?? loanedOn, period - 1);
  return {
    id: `2100${String(index + 1).padStart(6, '0')}`,
    title: loan.title,
    mediaType: MEDIA[loan.materialType],
    permanentLocation: loan.branch,
    patronId: loan.patron,
    dueDate: ymd(due),
    ...(loan.reservedBy ? { holds: [loan.reservedBy] } : {}),
  };
});

const ils = new FakeIls({
  patrons: DEMO_PATRONS.map((p) => ({
    id: p.number,
    pin: DEMO_ILS_PINS[p.number]!,
    name: p.nameKana,
    phone: p.phone,
    birthDate: ymd(p.birthDate),
    ...(p.email ? { email: p.email } : {}),
  })),
  items,
  // With a pinned business date the ILS's clock says that day too (renewals: that day + 14).
  ...(process.env.LIBRARY_TODAY ? { now: () => new Date(`${today}T12:00:00+09:00`) } : {}),
});
await ils.start(port);
console.info(
  `demo ILS (SIP2, login portal / portal-secret, institution YANAGAWA) on 127.0.0.1:${port}; PINs: ${Object.entries(
    DEMO_ILS_PINS,
  )
    .map(([n, pin]) => `${n} → ${pin}`)
    .join(', ')}`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void ils.stop().then(() => process.exit(0)));
}
