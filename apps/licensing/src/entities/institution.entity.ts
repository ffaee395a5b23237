import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

export const Institution = defineEntity({
  name: 'Institution',
  tableName: 'institution',
  // One institution per name key in a district; the exact name stays unique too for rows stored
  // before name keys existed (an embedded SQLite file from then has no key on them).
  uniques: [{ properties: ['name', 'districtCode'] }, { properties: ['districtCode', 'nameKey'] }],
  properties: {
    ...baseProperties(),
    name: p.string().length(200),
    /**
     * institutionNameKey(name), set on every registration; null only on rows of an embedded SQLite
     * file from before keys, which SQLite cannot fill in. NFKC may expand a character (㍿ is 4).
     */
    nameKey: p.string().length(400).nullable(),
    level: p.string().length(20),
    ownership: p.string().length(10),
    districtCode: p.string().length(40).index(),
    address: p.string().length(300).nullable(),
    creditCode: p.string().length(18).nullable().unique(),
    licenceNumber: p.string().length(60).nullable().unique(),
    licenceStatus: p.string().length(20).nullable(),
    /** The day the licence was issued through a matter; null for one recorded at registration. */
    licenceIssuedOn: p.string().length(10).nullable(),
    /** FOR_PROFIT or NON_PROFIT (private schools), when known. */
    category: p.string().length(20).nullable(),
    /** ACTIVE, or RETIRED after a merger or termination. */
    status: p.string().length(10).default('ACTIVE'),
    /** Credit code of the sponsor (举办者) of a private school, when known. */
    sponsorCreditCode: p.string().length(18).nullable(),
  },
});
export type Institution = InferEntity<typeof Institution>;
