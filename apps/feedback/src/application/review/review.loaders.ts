import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { SEED_SERVICE_ITEMS } from '../../domain/review/index.ts';
import { Rating } from '../../entities/rating.entity.ts';
import { BadReviewCaseRecord, ServiceItemRecord } from '../../entities/review.entities.ts';

/** Ratings by id, one query per request however many matters show theirs. */
export function ratingLoader(em: EntityManager): DataLoader<string, Rating | null> {
  return new DataLoader(async (ids) => {
    const found = new Map((await em.find(Rating, { id: { $in: [...ids] } })).map((r) => [r.id, r]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** Bad-review cases by the rating that opened them. */
export function caseByRatingLoader(em: EntityManager): DataLoader<string, BadReviewCaseRecord | null> {
  return new DataLoader(async (ratingIds) => {
    const found = new Map((await em.find(BadReviewCaseRecord, { ratingId: { $in: [...ratingIds] } })).map((c) => [c.ratingId, c]));
    return ratingIds.map((id) => found.get(id) ?? null);
  });
}

/** Service-item names: the seeded catalogue with the items learnt from events over it. */
export function itemNameLoader(em: EntityManager): DataLoader<string, string> {
  return new DataLoader(async (codes) => {
    const learnt = new Map((await em.find(ServiceItemRecord, { code: { $in: [...codes] } })).map((i) => [i.code, i.name]));
    return codes.map((code) => learnt.get(code) ?? SEED_SERVICE_ITEMS.find((i) => i.code === code)?.name ?? code);
  });
}
