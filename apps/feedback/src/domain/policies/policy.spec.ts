import { describe, expect, it } from 'vitest';
import { containsPattern, ftsPhrase, parseSearch, publishPolicy, usesTrigrams } from './index.ts';
import type { PublishPolicyInput } from './index.ts';

const IDS = { policyId: '0190a6f2-7b1c-7d3e-8f00-000000000001', interpretationIds: ['0190a6f2-7b1c-7d3e-8f00-000000000002', '0190a6f2-7b1c-7d3e-8f00-000000000003'] };
const TODAY = '2026-03-02';
const INPUT: PublishPolicyInput = {
  title: '  普惠性民办幼儿园\u3000认定办法 ',
  issuer: '市教育局',
  number: '演示教发〔２０２６〕１号',
  issuedOn: '2026-03-01',
  body: '第一条 为扩大普惠性学前教育资源。\n第二条 ……',
  interpretations: [
    { audience: 'PARENTS', plainText: '收费不高于普惠标准。' },
    { audience: 'SPONSORS', plainText: '每名在园幼儿每年补贴200元。' },
  ],
};
const refusal = (input: Partial<PublishPolicyInput>) => {
  const result = publishPolicy({ ...INPUT, ...input }, IDS, TODAY);
  return result.ok ? null : result.error.code;
};

describe('publishing a policy', () => {
  it('normalises the text (the number to one form) and raises feedback.policy.published with ids, number and audiences', () => {
    const result = publishPolicy(INPUT, IDS, TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.policy).toMatchObject({ title: '普惠性民办幼儿园 认定办法', number: '演示教发〔2026〕1号', publishedOn: TODAY, body: INPUT.body });
    expect(result.value.events).toEqual([
      {
        type: 'feedback.policy.published',
        payload: { policyId: IDS.policyId, interpretationIds: IDS.interpretationIds, number: '演示教发〔2026〕1号', audiences: ['PARENTS', 'SPONSORS'], issuedOn: '2026-03-01', publishedOn: TODAY },
      },
    ]);
  });

  it('refuses an empty title, a body over 100,000 characters, an unknown audience, an empty or repeated interpretation', () => {
    expect(refusal({ title: ' \u3000 ' })).toBe('EMPTY_TITLE');
    expect(refusal({ body: '政'.repeat(100_001) })).toBe('BODY_TOO_LONG');
    expect(refusal({ body: '政'.repeat(100_000) })).toBeNull();
    expect(refusal({ interpretations: [{ audience: 'TEACHERS', plainText: '……' }] })).toBe('UNKNOWN_AUDIENCE');
    expect(refusal({ interpretations: [{ audience: 'PARENTS', plainText: '  ' }] })).toBe('EMPTY_INTERPRETATION');
    expect(refusal({ interpretations: [{ audience: 'PARENTS', plainText: '一' }, { audience: 'PARENTS', plainText: '二' }] })).toBe('DUPLICATE_AUDIENCE');
  });

  it('refuses a missing issuer or number, a malformed or future date, and accepts no date at all', () => {
    expect(refusal({ issuer: '' })).toBe('BAD_USER_INPUT');
    expect(refusal({ number: ' ' })).toBe('BAD_USER_INPUT');
    expect(refusal({ issuedOn: '2026-02-30' })).toBe('BAD_USER_INPUT');
    expect(refusal({ issuedOn: '2026-03-03' })).toBe('BAD_USER_INPUT');
    expect(refusal({ issuedOn: null })).toBeNull();
    expect(refusal({ interpretations: [] })).toBeNull();
  });
});

describe('search text', () => {
  it('is no search when blank, words otherwise, without repeats', () => {
    expect(parseSearch(undefined)).toEqual({ ok: true, value: null });
    expect(parseSearch(' \u3000')).toEqual({ ok: true, value: null });
    expect(parseSearch(' 随迁子女  入学 随迁子女')).toEqual({ ok: true, value: { terms: ['随迁子女', '入学'] } });
  });

  it('refuses more than 200 characters or 8 words', () => {
    expect(parseSearch('学'.repeat(201))).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect(parseSearch('学'.repeat(10_000))).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect(parseSearch('学'.repeat(200)).ok).toBe(true);
    expect(parseSearch('一 二 三 四 五 六 七 八 九')).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
  });

  it('uses trigrams from three characters, escapes LIKE and FTS5 specials', () => {
    expect(usesTrigrams('入学')).toBe(false);
    expect(usesTrigrams('幼儿园')).toBe(true);
    expect(containsPattern('100%_\\')).toBe('%100\\%\\_\\\\%');
    expect(ftsPhrase('a"b')).toBe('"a""b"');
  });
});
