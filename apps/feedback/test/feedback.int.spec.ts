import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { anonymous, entitiesQuery, eventually, parent, publishInstitutionRegistered, recordTopic, refusalOf, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { feedbackService } from '../src/service.ts';

const RATE = `mutation($input: RateServiceInput!) { rateService(input: $input) { rating { score level bad } satisfaction { ratings average badReviews } } }`;
const SATISFACTION = entitiesQuery('satisfaction { ratings average badReviews }');

for (const database of await serviceTestDatabases()) describe(`feedback subgraph (${database.label}, in-process events)`, () => {
  let t: TestService;
  let published: EventEnvelope[];
  let institutionId: string;
  beforeAll(async () => {
    t = await startTestService(feedbackService, { database });
    published = await recordTopic(t.transport, eventsTopic('feedback'));
    institutionId = (await publishInstitutionRegistered(t.transport, { level: 'PRIMARY' })).payload.institutionId;
  });
  afterAll(() => t.stop());

  const rate = (score: number, matterId: string | null = null) =>
    t.as(parent)<{ rateService: { rating: { level: string; bad: boolean }; satisfaction: { ratings: number; average: number | null } } }>(RATE, {
      input: { institutionId, serviceItem: 'school-placement', score, matterId },
    });

  it('shows no ratings before the first one', async () => {
    await t.transport.idle();
    const r = await t.as(anonymous)<{ _entities: { satisfaction: unknown }[] }>(SATISFACTION, { r: [{ __typename: 'Institution', id: institutionId }] });
    expect(r._entities[0]!.satisfaction).toEqual({ ratings: 0, average: null, badReviews: 0 });
  });

  it('moves satisfaction with each rating and marks the bottom two levels as bad reviews', async () => {
    const first = await eventually(() => rate(5, 'M-1'));
    expect(first.rateService.rating).toEqual({ score: 5, level: '非常满意', bad: false });
    const second = await rate(2, 'M-2');
    expect(second.rateService.rating.bad).toBe(true);
    expect(second.rateService.satisfaction).toEqual({ ratings: 2, average: 3.5, badReviews: 1 });
    await eventually(async () => expect(published.filter((e) => e.type === 'feedback.rating.recorded')).toHaveLength(2));
  });

  it('takes one rating per matter (一事一评), even when two arrive at once', async () => {
    const results = await Promise.allSettled([rate(4, 'M-3'), rate(3, 'M-3')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as { code: string }).code).toBe('ALREADY_RATED');
  });

  it('lets a person rate a service without a matter once', async () => {
    await rate(4);
    expect((await rate(5).catch((e) => e)).code).toBe('ALREADY_RATED');
  });

  it('counts every rating when many arrive at once', async () => {
    const before = (await rate(4, 'M-10')).rateService.satisfaction.ratings;
    await Promise.all([11, 12, 13, 14, 15].map((n) => rate(4, `M-${n}`)));
    const r = await t.as(anonymous)<{ _entities: { satisfaction: { ratings: number } }[] }>(SATISFACTION, { r: [{ __typename: 'Institution', id: institutionId }] });
    expect(r._entities[0]!.satisfaction.ratings).toBe(before + 5);
  });

  it('refuses scores outside 1–5, unknown institutions and anonymous raters', async () => {
    expect((await rate(6).catch((e) => e)).code).toBe('BAD_USER_INPUT');
    const unknown = await t.as(parent)(RATE, { input: { institutionId: '00000000-0000-7000-8000-000000000003', serviceItem: 'x-item', score: 3 } }).catch((e) => e);
    expect(unknown.code).toBe('NOT_FOUND');
    expect((await t.as(anonymous)(RATE, { input: { institutionId, serviceItem: 'x-item', score: 3 } }).catch((e) => e)).code).toBe('UNAUTHENTICATED');
  });
  const rateAs = (actor: typeof parent, input: Record<string, unknown>) =>
    t.as(actor)<{ rateService: { rating: { score: number } } }>(RATE, { input: { institutionId, serviceItem: 'school-placement', score: 4, ...input } });

  it('lets the applicant rate a matter even after someone else rated the same matter number first', async () => {
    const stranger = { ...parent, id: 'stranger-1' };
    expect((await rateAs(stranger, { matterId: 'M-APPLICANT', score: 1 })).rateService.rating.score).toBe(1);
    expect((await rateAs(parent, { matterId: 'M-APPLICANT', score: 5 })).rateService.rating.score).toBe(5);
    expect((await refusalOf(rateAs(parent, { matterId: 'M-APPLICANT', score: 3 }))).code).toBe('ALREADY_RATED');
    expect((await refusalOf(rateAs(stranger, { matterId: 'M-APPLICANT', score: 3 }))).code).toBe('ALREADY_RATED');
  });

  it('records a rater whose sign-in id is 300 characters long, once per matter', async () => {
    const longId = { ...parent, id: `idp|${'x'.repeat(296)}` };
    expect((await rateAs(longId, { matterId: 'M-LONG-ID' })).rateService.rating.score).toBe(4);
    expect((await refusalOf(rateAs(longId, { matterId: 'M-LONG-ID' }))).code).toBe('ALREADY_RATED');
  });

  it('refuses, clearly, a rater whose sign-in id holds a control character', async () => {
    const answer = await refusalOf(rateAs({ ...parent, id: 'parent\u0000x' }, { matterId: 'M-NUL-ID' }));
    expect(answer.code).toBe('UNAUTHENTICATED');
    expect(answer.message).toMatch(/^Your sign-in's user id cannot be recorded with a rating/);
  });

  it('reads a full-width matter number as the one it is', async () => {
    await rateAs(parent, { matterId: 'M-WIDE-1' });
    expect((await refusalOf(rateAs(parent, { matterId: 'Ｍ-ＷＩＤＥ-１' }))).code).toBe('ALREADY_RATED');
  });

  it.each([
    ['an institution id that is not a UUID', { institutionId: 'not-a-uuid' }, 'institutionId must be an id in UUID form, such as 0190a6f2-7b1c-7d3e-8f00-1234567890ab.'],
    ['a comment over its 2000 characters', { comment: '好'.repeat(2001) }, 'comment must be at most 2000 characters (got 2001).'],
    ['NUL in a comment', { comment: 'fine\u0000' }, 'comment must not contain control characters (found U+0000 at character 5); remove it.'],
    ['a bidi override in the matter number', { matterId: 'M-\u202E1' }, 'matterId must not contain bidirectional control characters, which make text display in a misleading order (found U+202E at character 3); remove it.'],
    ['a matter number over its 100 characters', { matterId: 'M'.repeat(101) }, 'matterId must be at most 100 characters (got 101).'],
    ['a service item over its 100 characters', { serviceItem: 's'.repeat(101) }, 'serviceItem must be at most 100 characters (got 101).'],
  ])('refuses %s with BAD_USER_INPUT naming it', async (_, bad, message) => {
    expect(await refusalOf(rateAs(parent, { matterId: 'M-BAD', ...bad }))).toEqual({ code: 'BAD_USER_INPUT', message });
  });

  it('keeps the line breaks of a comment, counted in characters', async () => {
    expect((await rateAs(parent, { matterId: 'M-COMMENT', comment: `${'好'.repeat(1000)}\r\n${'𠮷'.repeat(999)}` })).rateService.rating.score).toBe(4);
  });

  it('shows no ratings for an institution id that is not a UUID', async () => {
    const r = await t.as(anonymous)<{ _entities: { satisfaction: unknown }[] }>(SATISFACTION, { r: [{ __typename: 'Institution', id: 'not-a-uuid' }] });
    expect(r._entities[0]!.satisfaction).toEqual({ ratings: 0, average: null, badReviews: 0 });
  });
});
