import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiClientError } from '../../lib/api-client.ts';
import { textOf } from '../../lib/form-data.ts';
import { useForm } from '../../lib/use-form.ts';
import { Field } from './field.tsx';
import { FormPanel } from './form-panel.tsx';

/** A form of one field: empty is refused by the "schema", anything else goes to `send`. */
function OneField({ send }: { send: (name: string) => Promise<void> }) {
  const form = useForm(
    { name: 'one-name' },
    {
      parse: (data) => {
        const name = textOf(data, 'name').trim();
        return name === ''
          ? { success: false, error: { issues: [{ path: ['name'], message: 'patronNumber.required' }] } }
          : { success: true, data: name };
      },
      async send(name) {
        await send(name);
        // Any catalog key: the frame's texts are always there.
        form.succeed({ key: 'home.once' });
      },
    },
  );
  return (
    <FormPanel
      id="one-heading"
      heading="見出し"
      form={form}
      withStatus
      submit="送る"
      submitting="送っています"
    >
      {form.message?.code === 'token_expired' ? <p>はじめから</p> : null}
      <Field {...form.field('name')} label="氏名" />
    </FormPanel>
  );
}

describe('useForm + FormPanel (every form but the login)', () => {
  it('ties a refused field to its input, lists it in the summary and focuses the summary; nothing is sent', async () => {
    const send = vi.fn(async () => {});
    render(<OneField send={send} />);
    await userEvent.click(screen.getByRole('button', { name: '送る' }));
    const input = screen.getByLabelText('氏名');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('利用者番号を入力してください。');
    await waitFor(() => expect(document.activeElement).toHaveClass('error-summary'));
    expect(screen.getByRole('link', { name: '利用者番号を入力してください。' })).toHaveAttribute(
      'href',
      '#one-name',
    );
    expect(send).not.toHaveBeenCalled();
  });

  it('sends the parsed data, then shows the success message focused and clears the errors', async () => {
    const send = vi.fn(async () => {});
    render(<OneField send={send} />);
    await userEvent.click(screen.getByRole('button', { name: '送る' }));
    await userEvent.type(screen.getByLabelText('氏名'), '  スズキ ');
    await userEvent.click(screen.getByRole('button', { name: '送る' }));
    expect(send).toHaveBeenCalledWith('スズキ');
    await waitFor(() =>
      expect(document.activeElement).toHaveTextContent('貸出延長は資料1点につき1回限りです。'),
    );
    expect(screen.getByLabelText('氏名')).not.toHaveAttribute('aria-invalid');
  });

  it('disables and relabels the submit button while sending, not before or after', async () => {
    let answer!: () => void;
    render(<OneField send={() => new Promise<void>((resolve) => (answer = resolve))} />);
    await userEvent.type(screen.getByLabelText('氏名'), 'スズキ');
    await userEvent.click(screen.getByRole('button', { name: '送る' }));
    expect(screen.getByRole('button', { name: '送っています' })).toBeDisabled();
    answer();
    expect(await screen.findByRole('button', { name: '送る' })).toBeEnabled();
  });

  it.each([
    [
      'a field the BFF refused',
      new ApiClientError(400, 'validation_failed', '入力内容に誤りがあります。', { name: 'サーバーの理由' }),
      'サーバーの理由',
    ],
    [
      'an API error, with its code',
      new ApiClientError(410, 'token_expired', '期限切れです。'),
      '期限切れです。',
    ],
    ['anything else, as the system error', new TypeError('x is undefined'), 'システムエラーが発生しました。'],
  ])('shows %s in the focused summary', async (_, error, text) => {
    render(<OneField send={async () => Promise.reject(error)} />);
    await userEvent.type(screen.getByLabelText('氏名'), 'スズキ');
    await userEvent.click(screen.getByRole('button', { name: '送る' }));
    await waitFor(() => expect(document.activeElement).toHaveClass('error-summary'));
    expect(screen.getByRole('alert')).toHaveTextContent(text);
    expect(screen.queryByText('はじめから') !== null).toBe(
      error instanceof ApiClientError && error.code === 'token_expired',
    );
  });
});
