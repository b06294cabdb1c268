import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/** Types each value into the field its label names, in order (as a patron would). */
export async function fillIn(values: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(values)) {
    await userEvent.type(screen.getByLabelText(label), value);
  }
}

/** The identity of the demo patron 300000003 as the guide's four fields ask for it (I6). */
export const IDENTITY = {
  利用者番号: '300000003',
  氏名: 'スズキハナコ',
  生年月日: '19901105',
  '電話番号 市外局番': '0944',
  '電話番号 市内局番': '12',
  '電話番号 番号': '3456',
} as const;
