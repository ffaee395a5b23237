import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './app-error.ts';
import { idInput, optionalTextInput, parseInput, textInput } from './input.ts';

const schema = z.object({
  institutionId: idInput(),
  name: textInput({ max: 10, min: 2 }),
  code: textInput({ max: 6, form: 'NFKC' }),
  address: optionalTextInput({ max: 20 }),
  comment: optionalTextInput({ max: 20, multiline: true }),
});
const valid = { institutionId: '0190A6F2-7B1C-7D3E-8F00-1234567890AB', name: ' Cafe\u0301  One ', code: '７１０２０１', address: '  ', comment: 'line 1\r\nline 2' };

function refusal(raw: unknown): AppError {
  try {
    parseInput(schema, raw);
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

describe('parseInput with the input building blocks', () => {
  it('normalises what fits: lower-case ids, NFC one-line text, NFKC codes, blank as null, line breaks kept', () => {
    expect(parseInput(schema, valid)).toEqual({
      institutionId: '0190a6f2-7b1c-7d3e-8f00-1234567890ab',
      name: 'Café One',
      code: '710201',
      address: null,
      comment: 'line 1\nline 2',
    });
    expect(parseInput(schema, { ...valid, address: undefined, comment: null })).toMatchObject({ address: null, comment: null });
  });

  it('refuses every problem at once with BAD_USER_INPUT, each naming its field and limit', () => {
    const error = refusal({ ...valid, institutionId: 'abc', name: 'x'.repeat(11), address: 'a\u0000b', comment: 'ok\u202Eok' });
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^institutionId must be an id in UUID form/);
    expect(error.message).toContain('name must be at most 10 characters (got 11)');
    expect(error.message).toContain('address must not contain control characters (found U+0000 at character 2)');
    expect(error.message).toContain('comment must not contain bidirectional control characters');
    expect((error.details?.['problems'] as { field: string }[]).map((p) => p.field)).toEqual(['institutionId', 'name', 'address', 'comment']);
  });

  it('measures the normalised text in characters', () => {
    expect(parseInput(schema, { ...valid, name: '𠮷'.repeat(10) }).name).toBe('𠮷'.repeat(10));
    expect(refusal({ ...valid, name: 'x' }).message).toContain('name must be at least 2 characters (got 1)');
  });

  it('refuses a value of the wrong type', () => {
    expect(refusal({ ...valid, name: 42 }).message).toMatch(/^name /);
  });
});
