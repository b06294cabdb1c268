import { describe, expect, it } from 'vitest';
import { materialTypeOfSip2 } from './media-type.ts';

describe('SIP2 media type (CK) → material type', () => {
  it.each([
    ['001', 'book'],
    ['008', 'book'],
    ['009', 'book'],
    ['010', 'book'],
    ['002', 'magazine'],
    ['003', 'magazine'],
    ['004', 'av'],
    ['005', 'av'],
    ['006', 'av'],
    ['007', 'av'],
    ['000', 'book'],
    ['999', 'book'],
    [undefined, 'book'],
  ])('%s → %s', (code, type) => {
    expect(materialTypeOfSip2(code)).toBe(type);
  });
});
