import { z } from 'zod';
import { INSTITUTION_LEVELS, OWNERSHIPS } from '@edugraph/rules';

// The lists are the rules' (a domain may check them without importing contracts); events carry them.
export { INSTITUTION_LEVELS, OWNERSHIPS };
export const institutionLevelSchema = z.enum(INSTITUTION_LEVELS);
export type InstitutionLevel = z.infer<typeof institutionLevelSchema>;

export const ownershipSchema = z.enum(OWNERSHIPS);
export type Ownership = z.infer<typeof ownershipSchema>;
