import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BlockNotice } from './block-notice.tsx';

describe('BlockNotice', () => {
  it("shows the ILS's own words under a renewal-denied block", () => {
    render(<BlockNotice blocked="renewal_denied" message="延滞中の資料があります" />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('この利用者カードでは貸出延長の手続きができません');
    expect(alert).toHaveTextContent('図書館からのお知らせ：延滞中の資料があります');
    expect(alert).not.toHaveTextContent('返却していただくと');
  });

  it('keeps the overdue block as before, with the advice only where asked', () => {
    const { rerender } = render(<BlockNotice blocked="patron_has_overdue" />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      '返却期限日を過ぎた資料があるため、貸出延長の手続きができません。返却期限日を過ぎた資料を返却していただくと、貸出延長ができるようになります。',
    );
    rerender(<BlockNotice blocked="patron_has_overdue" advice={false} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      /^返却期限日を過ぎた資料があるため、貸出延長の手続きができません。$/,
    );
  });
});
