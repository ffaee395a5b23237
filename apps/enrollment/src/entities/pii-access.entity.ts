import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

/**
 * One read of unmasked personal data: who, when, which record and field, and why. Append-only:
 * written in the transaction that reads, never changed or deleted by any operation (only the
 * retention purge of the records they point to leaves them, as the law's evidence of access).
 */
export const PiiAccess = defineEntity({
  name: 'PiiAccess',
  tableName: 'pii_access',
  properties: {
    ...baseProperties(),
    actorId: p.string().length(200).index(),
    actorRoles: p.string().length(200),
    applicationId: p.uuid().index(),
    fields: p.string().length(200),
    reason: p.string().length(500),
  },
});
export type PiiAccess = InferEntity<typeof PiiAccess>;
