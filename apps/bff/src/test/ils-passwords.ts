import { buildApp } from '../app.ts';
import { checkedAgainstDocument } from './contract-check.ts';
import type { TestApp } from './test-app.ts';

/**
 * The test app's own database and clock, with the one thing SIP2_PASSWORDS=ils changes for
 * 新規パスワード登録 / パスワードを忘れた方: there are no portal passwords (the PIN is the ILS's).
 * No ILS is needed for routes that must refuse before asking anything.
 */
export function withIlsPasswords(t: TestApp): TestApp['app'] {
  const circulation = Object.create(t.deps.circulation, { portalPasswords: { value: false } });
  return checkedAgainstDocument(buildApp({ ...t.deps, circulation }));
}
