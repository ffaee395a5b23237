import { z } from 'zod';

export const programmePublishedV1 = z.object({
  programmeId: z.uuid(),
  institutionId: z.uuid(),
  code: z.string().min(1),
  name: z.string().min(1),
  annualIntake: z.number().int().nonnegative(),
});

export const vocationalSchoolOpenedV1 = z.object({
  institutionId: z.uuid(),
});

export const vocationalEvents = {
  'vocational.programme.published': { 1: programmePublishedV1 },
  'vocational.school.opened': { 1: vocationalSchoolOpenedV1 },
} as const;
