import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

/**
 * A licensing matter. Its whole state is the domain's MatterState (JSON), the state machine's to
 * change; the columns beside it copy what lists filter and the clock job looks for, and are
 * rewritten from the state on every change. The row's version makes two changes at once conflict.
 */
export const Matter = defineEntity({
  name: 'Matter',
  tableName: 'matter',
  properties: {
    ...baseProperties(),
    typeCode: p.string().length(40).index(),
    status: p.string().length(30).index(),
    authority: p.string().length(30),
    applicantCreditCode: p.string().length(18).index(),
    /** Who started it for the applicant (the signed-in person's id). */
    startedBy: p.string().length(200),
    institutionId: p.uuid().nullable().index(),
    /** What the sponsor stated (MatterDetails): the new school, the new name, the divisions … */
    details: p.json<Record<string, unknown>>(),
    state: p.json<Record<string, unknown>>(),
    /** The decision clock's due date while it runs; null otherwise. */
    dueOn: p.string().length(10).nullable().index(),
    /** The last overdue alert sent: NONE, DUE_SOON or OVERDUE (one event per state). */
    alertState: p.string().length(10).default('NONE'),
    inPersonVisits: p.integer().default(0),
    licenceIssuedOn: p.string().length(10).nullable(),
    /** An approved preparation that saw no establishment application within 3 years. */
    preparationLapsedOn: p.string().length(10).nullable(),
  },
});
export type Matter = InferEntity<typeof Matter>;
