import { describe, expect, it } from 'vitest';
import { loanPageQuerySchema, renewalRequestKeys, renewalRequestSchema } from './renewal-schemas.ts';

describe('renewalRequestSchema', () => {
  it('collapses duplicates, keeping the first-seen order', () => {
    expect(renewalRequestSchema.parse({ loanIds: [3, 1, 3, 2, 1] })).toEqual({ loanIds: [3, 1, 2] });
  });

  it.each([
    [{}, renewalRequestKeys.required],
    [{ loanIds: [] }, renewalRequestKeys.required],
    [{ loanIds: 'all' }, renewalRequestKeys.required],
    [{ loanIds: [1.5] }, renewalRequestKeys.invalidId],
    [{ loanIds: [0] }, renewalRequestKeys.invalidId],
    [{ loanIds: ['1'] }, renewalRequestKeys.invalidId],
    [{ loanIds: [2 ** 31] }, renewalRequestKeys.invalidId],
    [{ loanIds: Array.from({ length: 101 }, (_, i) => i + 1) }, renewalRequestKeys.tooMany],
  ])('refuses %j', (input, message) => {
    const result = renewalRequestSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it('accepts 100 ids', () => {
    const loanIds = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(renewalRequestSchema.parse({ loanIds }).loanIds).toHaveLength(100);
  });
});

describe('loanPageQuerySchema', () => {
  it('defaults to the first page of 10', () => {
    expect(loanPageQuerySchema.parse({})).toEqual({ page: 1, pageSize: 10 });
    expect(loanPageQuerySchema.parse({ page: '3', pageSize: '100' })).toEqual({ page: 3, pageSize: 100 });
  });

  it.each([
    { page: '0' },
    { page: '-1' },
    { page: 'x' },
    { page: '1.5' },
    { pageSize: '101' },
    { pageSize: '0' },
  ])('refuses %j', (input) => {
    expect(loanPageQuerySchema.safeParse(input).success).toBe(false);
  });
});
