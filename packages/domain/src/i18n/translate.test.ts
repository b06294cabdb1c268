import { describe, expect, it } from 'vitest';
import { addCatalog, negotiateLanguage, t } from './translate.ts';

describe('t', () => {
  addCatalog('ja', { test: { hello: 'こんにちは、{{name}}さん', onlyJa: '日本語だけ' } });
  addCatalog('en', { test: { hello: 'Hello, {{name}}' } });

  it('fills placeholders in the chosen language', () => {
    expect(t('ja', 'test.hello', { name: 'ハナコ' })).toBe('こんにちは、ハナコさん');
    expect(t('en', 'test.hello', { name: 'Hanako' })).toBe('Hello, Hanako');
  });

  it('falls back to Japanese, then to the key itself', () => {
    expect(t('en', 'test.onlyJa')).toBe('日本語だけ');
    expect(t('en', 'test.nowhere')).toBe('test.nowhere');
  });
});

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'ja'],
    ['', 'ja'],
    ['en-US,en;q=0.9', 'en'],
    ['ja-JP,ja;q=0.9,en;q=0.8', 'ja'],
    ['fr-FR,en;q=0.5,ja;q=0.4', 'en'],
    ['ja;q=0.2, en;q=0.8', 'en'],
    ['fr, de', 'ja'],
    ['en;q=0, ja', 'ja'],
  ] as const)('%s → %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });

  it('reads navigator.languages in order', () => {
    expect(negotiateLanguage(['en-GB', 'ja'])).toBe('en');
    expect(negotiateLanguage(['zh-CN', 'ja-JP'])).toBe('ja');
  });
});
