import { z } from 'zod';

export const INSTITUTION_LEVELS = ['PRESCHOOL', 'PRIMARY', 'JUNIOR', 'SENIOR', 'VOCATIONAL', 'TRAINING'] as const;
export const institutionLevelSchema = z.enum(INSTITUTION_LEVELS);
export type InstitutionLevel = z.infer<typeof institutionLevelSchema>;

export const OWNERSHIPS = ['PUBLIC', 'PRIVATE'] as const;
export const ownershipSchema = z.enum(OWNERSHIPS);
export type Ownership = z.infer<typeof ownershipSchema>;
