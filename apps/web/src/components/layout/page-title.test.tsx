import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Route, Router, Switch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { PageTitle } from './page-title.tsx';

describe('PageTitle', () => {
  it('leaves the focus alone on the first page, then moves it to the new heading on each navigation', async () => {
    const location = memoryLocation({ path: '/' });
    render(
      <Router hook={location.hook} searchHook={location.searchHook}>
        <Switch>
          <Route path="/">
            <PageTitle title="メインメニュー">柳川市立図書館</PageTitle>
          </Route>
          <Route path="/login">
            <PageTitle title="利用照会">利用照会</PageTitle>
          </Route>
        </Switch>
      </Router>,
    );
    expect(document.title).toBe('メインメニュー | 柳川市立図書館 貸出延長サービス');
    expect(screen.getByRole('heading', { level: 1 })).not.toHaveFocus();

    act(() => location.navigate('/login'));
    expect(screen.getByRole('heading', { level: 1, name: '利用照会' })).toHaveFocus();
    expect(document.title).toBe('利用照会 | 柳川市立図書館 貸出延長サービス');

    act(() => location.navigate('/'));
    expect(screen.getByRole('heading', { level: 1, name: '柳川市立図書館' })).toHaveFocus();
  });
});
