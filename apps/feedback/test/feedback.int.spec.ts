import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { anonymous, entitiesQuery, eventually, parent, publishInstitutionRegistered, recordTopic, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { feedbackService } from '../src/service.ts';

const RATE = `mutation($input: RateServiceInput!) { rateService(input: $input) { rating { score level bad } satisfaction { ratings average badReviews } } }`;
const SATISFACTION = entitiesQuery('satisfaction { ratings average badReviews }');

describe('feedback subgraph (SQLite, in-process events)', () => {
  let t: TestService;
  let published: EventEnvelope[];
  let institutionId: string;
  beforeAll(async () => {
    t = await startTestService(feedbackService);
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
});
