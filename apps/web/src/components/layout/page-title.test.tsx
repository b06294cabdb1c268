import { act, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { PageTitle } from './page-title.tsx';

describe('PageTitle', () => {
  it('leaves the focus alone on the first page, then moves it to the new heading on each navigation', async () => {
    const router = createMemoryRouter([
      { path: '/', element: <PageTitle title="メインメニュー">柳川市立図書館</PageTitle> },
      { path: '/login', element: <PageTitle title="利用照会">利用照会</PageTitle> },
    ]);
    render(<RouterProvider router={router} />);
    expect(document.title).toBe('メインメニュー | 柳川市立図書館 貸出延長サービス');
    expect(screen.getByRole('heading', { level: 1 })).not.toHaveFocus();

    await act(() => router.navigate('/login'));
    expect(screen.getByRole('heading', { level: 1, name: '利用照会' })).toHaveFocus();
    expect(document.title).toBe('利用照会 | 柳川市立図書館 貸出延長サービス');

    await act(() => router.navigate(-1));
    expect(screen.getByRole('heading', { level: 1, name: '柳川市立図書館' })).toHaveFocus();
  });
});
