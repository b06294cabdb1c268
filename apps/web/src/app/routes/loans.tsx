import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'wouter';
import { Breadcrumbs } from '../../components/layout/breadcrumbs.tsx';
import { PageTitle } from '../../components/layout/page-title.tsx';
import { paths } from '../../config/paths.ts';
import { RequireSession } from '../../features/auth/components/require-session.tsx';
import type { RenewalResult } from '../../features/loans/api/renew-loans.ts';
import { LoanList } from '../../features/loans/components/loan-list.tsx';
import { RenewalResultView } from '../../features/loans/components/renewal-result.tsx';
import { commonJa } from '../../i18n/ja/common.ts';
import { loansJa } from '../../i18n/ja/loans.ts';
import { useT } from '../../lib/i18n.ts';

function pageFrom(value: string | null): number {
  return value && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : 1;
}

/** 貸出一覧, and after a renewal its result (継続貸出), as in the guide's section 1 ④–⑥. */
export function Component() {
  const t = useT(commonJa, loansJa);
  const [params, setParams] = useSearchParams();
  const page = pageFrom(params.get('page'));
  const [results, setResults] = useState<RenewalResult[]>();
  // 「前に戻る」 removes the button that had the focus: give it to the page heading, as a
  // route change would, instead of letting it fall back to the top of the document.
  const backFromResult = useRef(false);
  useEffect(() => {
    if (results || !backFromResult.current) return;
    backFromResult.current = false;
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [results]);
  const crumbs = [
    { label: t('home.title'), to: paths.home },
    { label: t('portal.title'), to: paths.portal },
    { label: t('loans.title'), to: paths.loans },
    ...(results ? [{ label: t('loans.resultTitle') }] : []),
  ];
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageTitle title={results ? t('loans.resultTitle') : t('loans.title')}>
        {results ? t('loans.resultTitle') : t('loans.title')}
      </PageTitle>
      <RequireSession>
        {results ? (
          <RenewalResultView
            results={results}
            onBack={() => {
              backFromResult.current = true;
              setResults(undefined);
            }}
          />
        ) : (
          <LoanList
            page={page}
            onPageChange={(next) => setParams(next === 1 ? {} : { page: String(next) })}
            onRenewed={setResults}
          />
        )}
      </RequireSession>
    </>
  );
}
