import { hasRole, hasScope } from '@edugraph/auth';
import type { Actor } from '@edugraph/auth';
import { AppError } from '@edugraph/platform';

export const CATALOGUE_SYNC_SCOPE = 'catalogue:sync';

/**
 * A school's catalogue is the school's own: its staff sync it, or a city or school system whose API
 * key holds `catalogue:sync@<school id>`. Bureau staff read it but do not rewrite it.
 */
export function requireCatalogueSync(actor: Actor, schoolId: string): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'Sign in, or send an API key, to sync a school’s catalogue.');
  if (hasScope(actor, CATALOGUE_SYNC_SCOPE, schoolId)) return;
  if (hasRole(actor, 'INSTITUTION_STAFF') && actor.institutionId === schoolId) return;
  throw new AppError('FORBIDDEN', 'Only the school’s own staff, or a system whose API key holds catalogue:sync for this school, may sync its catalogue.');
}
