import { z } from 'zod';

export const seatPoolCapacitySetV1 = z.object({
  institutionId: z.uuid(),
  year: z.number().int(),
  grade: z.number().int(),
  capacity: z.number().int().nonnegative(),
  previousCapacity: z.number().int().nonnegative().nullable(),
});

export const schoolOpenedV1 = z.object({
  institutionId: z.uuid(),
  districtCode: z.string().min(1),
});

export const enrollmentEvents = {
  'enrollment.seat-pool.capacity-set': { 1: seatPoolCapacitySetV1 },
  'enrollment.school.opened': { 1: schoolOpenedV1 },
} as const;
