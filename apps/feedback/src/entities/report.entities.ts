import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

/**
 * A report (complaint, tip-off, suggestion). The domain state is kept in columns, the replies as a
 * short list (JSON). The reporter's identity (sign-in id, name, phone, e-mail) is null throughout
 * for an anonymous report. `version` makes two staff acting at once (and replicas of the deadline
 * job) change a report one after the other: the second is refused and reads it again.
 */
export const ReportRow = defineEntity({
  name: 'Report',
  tableName: 'report',
  properties: {
    ...baseProperties(),
    channel: p.string().length(10),
    kind: p.string().length(12).index(),
    category: p.string().length(40).index(),
    subject: p.string().length(200).nullable(),
    body: p.text().nullable(),
    institutionId: p.uuid().nullable().index(),
    address: p.string().length(300).nullable(),
    lat: p.double().nullable(),
    long: p.double().nullable(),
    anonymous: p.boolean(),
    reporterId: p.text().nullable().index(),
    reporterName: p.string().length(100).nullable(),
    reporterPhone: p.string().length(40).nullable(),
    reporterEmail: p.string().length(200).nullable(),
    /** Staff or the system that took the report down on the caller's behalf. */
    enteredBy: p.text().nullable(),
    submittedOn: p.string().length(10),
    status: p.string().length(12).index(),
    office: p.string().length(40).nullable().index(),
    assignedOn: p.string().length(10).nullable(),
    dueOn: p.string().length(10).nullable().index(),
    alerted: p.string().length(10).nullable(),
    replies: p.json<{ office: string; text: string; repliedOn: string; late: boolean; repliedBy: string }[]>(),
    closedOn: p.string().length(10).nullable(),
    reopenCount: p.integer().default(0),
    reopenedOn: p.string().length(10).nullable(),
    reopenReason: p.text().nullable(),
  },
});
export type ReportRow = InferEntity<typeof ReportRow>;

// Schemas of different entity types in one list: their type parameters cannot be one type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const reportEntities: any[] = [ReportRow];
