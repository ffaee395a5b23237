import { z } from 'zod';
import { institutionLevelSchema, ownershipSchema } from './institution.ts';

export const institutionRegisteredV1 = z.object({
  institutionId: z.uuid(),
  name: z.string().min(1),
  level: institutionLevelSchema,
  ownership: ownershipSchema,
  districtCode: z.string().min(1),
});
export type InstitutionRegisteredV1 = z.infer<typeof institutionRegisteredV1>;

export const licensingEvents = {
  'licensing.institution.registered': { 1: institutionRegisteredV1 },
} as const;
