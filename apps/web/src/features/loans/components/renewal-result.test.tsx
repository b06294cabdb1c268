import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RenewalResultView } from './renewal-result.tsx';

describe('RenewalResultView with answers from the ILS (CIRCULATION=sip2)', () => {
  it("shows an unmapped refusal in the ILS's own words, and an unknown outcome as not renewed", () => {
    render(
      <RenewalResultView
        results={[
          {
            loanId: 1,
            title: '北原白秋詩集',
            ok: false,
            reason: 'ils_refused',
            message: 'Item has outstanding holds',
          },
          { loanId: 2, title: '福岡県の歴史', ok: false, reason: 'ils_unavailable' },
        ]}
        onBack={() => {}}
      />,
    );
    expect(screen.getByRole('heading', { name: '貸出延長できませんでした' })).toBeInTheDocument();
    expect(screen.getByText('Item has outstanding holds')).toBeInTheDocument();
    expect(screen.getByText(/延長の結果を受け取れなかったため、延長されていません/)).toBeInTheDocument();
  });
});
