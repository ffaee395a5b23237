import { z } from 'zod';

export const kindergartenPlacesSetV1 = z.object({
  institutionId: z.uuid(),
  places: z.number().int().nonnegative(),
  previousPlaces: z.number().int().nonnegative(),
});

export const kindergartenOpenedV1 = z.object({
  institutionId: z.uuid(),
  inclusive: z.boolean(),
});

export const preschoolEvents = {
  'preschool.kindergarten.places-set': { 1: kindergartenPlacesSetV1 },
  'preschool.kindergarten.opened': { 1: kindergartenOpenedV1 },
} as const;
