import { describe, expect, it } from 'vitest';
import { fail, ok } from './result.ts';

describe('result helpers', () => {
  it('builds the Result shape of @edugraph/rules', () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 });
    expect(fail('X', 'bad')).toEqual({ ok: false, error: { code: 'X', message: 'bad' } });
    expect(fail('X', 'bad', { n: 1 })).toEqual({ ok: false, error: { code: 'X', message: 'bad', details: { n: 1 } } });
  });
});
