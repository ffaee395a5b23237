import { z } from 'zod';

export const ratingRecordedV1 = z.object({
  ratingId: z.uuid(),
  institutionId: z.uuid(),
  serviceItem: z.string().min(1),
  matterId: z.string().nullable(),
  score: z.number().int().min(1).max(5),
  bad: z.boolean(),
});

export const feedbackEvents = {
  'feedback.rating.recorded': { 1: ratingRecordedV1 },
} as const;
