import { describe, expect, it } from 'vitest';
import { characterCount, checkText, nameKey, normaliseText } from './text.ts';

describe('normaliseText', () => {
  it('trims and folds every kind of whitespace of a one-line field to one space', () => {
    expect(normaliseText('  Riverside\t\n Primary\u3000School\u00A0 ')).toBe('Riverside Primary School');
  });
  it('composes to NFC, and NFKC folds full-width forms for codes', () => {
    expect(normaliseText('Cafe\u0301')).toBe('Café');
    expect(normaliseText('７１０２０１', { form: 'NFKC' })).toBe('710201');
    expect(normaliseText('７１０２０１')).toBe('７１０２０１');
  });
  it('keeps line breaks of multiline text, as \\n', () => {
    expect(normaliseText(' first line\r\nsecond\rthird  \n', { multiline: true })).toBe('first line\nsecond\nthird');
  });
});

describe('checkText', () => {
  const limits = { max: 5 };
  it('counts characters, not UTF-16 units', () => {
    expect(characterCount('𠮷𠮷𠮷')).toBe(3);
    expect('𠮷𠮷𠮷'.length).toBe(6);
    expect(checkText('𠮷𠮷𠮷𠮷𠮷', limits).ok).toBe(true);
    expect(checkText('𠮷𠮷𠮷𠮷𠮷𠮷', limits)).toMatchObject({ ok: false, error: { code: 'TOO_LONG', message: 'must be at most 5 characters (got 6)' } });
  });
  it('refuses text shorter than a minimum', () => {
    expect(checkText('a', { max: 5, min: 2 })).toMatchObject({ ok: false, error: { code: 'TOO_SHORT' } });
  });
  it.each([
    ['NUL', 'a\u0000b'],
    ['bell', 'a\u0007b'],
    ['escape', '\u001B[31m'],
    ['delete', 'a\u007Fb'],
    ['C1 next line', 'a\u0085b'],
    ['line break in a one-line field', 'a\nb'],
  ])('refuses a control character: %s', (_, text) => {
    expect(checkText(text, { max: 10 })).toMatchObject({ ok: false, error: { code: 'CONTROL_CHARACTER' } });
  });
  it('names the character and where it is', () => {
    expect(checkText('ab\u0000', { max: 10 })).toMatchObject({ ok: false, error: { message: 'must not contain control characters (found U+0000 at character 3); remove it' } });
  });
  it('lets multiline text keep line breaks and tabs, and nothing else', () => {
    expect(checkText('a\n\tb', { max: 10, multiline: true }).ok).toBe(true);
    expect(checkText('a\u0000b', { max: 10, multiline: true })).toMatchObject({ ok: false, error: { code: 'CONTROL_CHARACTER' } });
  });
  it.each(['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'])('refuses the bidi control %j', (bidi) => {
    expect(checkText(`invoice${bidi}fdp.exe`, { max: 50 })).toMatchObject({ ok: false, error: { code: 'BIDI_CONTROL' } });
  });
  it('keeps right-to-left marks, which real Arabic and Hebrew text needs', () => {
    expect(checkText('\u200Fשלום', { max: 10 }).ok).toBe(true);
  });
  it('refuses unpaired surrogates', () => {
    expect(checkText('a\uD800b', { max: 10 })).toMatchObject({ ok: false, error: { code: 'UNPAIRED_SURROGATE' } });
  });
  it('accepts Chinese names and emoji as the characters they are', () => {
    expect(checkText('实验小学（民办）👩‍🏫', { max: 20 }).ok).toBe(true);
  });
});

describe('nameKey', () => {
  const key = nameKey('Rel Valid One');
  it.each([
    ['case', 'REL valid ONE'],
    ['zero-width space', 'R\u200Bel Valid One'],
    ['zero-width characters anywhere', '\uFEFFRel Va\u200Clid\u200D On\u2060e'],
    ['extra whitespace', '  Rel   Valid\tOne '],
    ['full-width letters', 'Ｒｅｌ Ｖａｌｉｄ Ｏｎｅ'],
  ])('is the same across %s', (_, variant) => {
    expect(nameKey(variant)).toBe(key);
  });
  it('is the same for NFC and NFD spellings', () => {
    expect(nameKey('École Café')).toBe(nameKey('E\u0301cole Cafe\u0301'));
  });
  it('folds case beyond toLowerCase', () => {
    expect(nameKey('Straße')).toBe(nameKey('STRASSE'));
    expect(nameKey('STRAẞE')).toBe(nameKey('strasse'));
    expect(nameKey('ΟΔΟΣ')).toBe(nameKey('οδος'));
  });
  it('keeps different names apart', () => {
    expect(nameKey('Rel Valid One')).not.toBe(nameKey('Rel Valid Two'));
    expect(nameKey('RelValid One')).not.toBe(key);
    expect(nameKey('第一实验小学')).not.toBe(nameKey('第二实验小学'));
  });
});
