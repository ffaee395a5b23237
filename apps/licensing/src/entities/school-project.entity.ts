import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

/** A milestone as stored in the project's JSON column (dates are YYYY-MM-DD in Asia/Shanghai). */
export interface StoredMilestone {
  name: string;
  plannedOn: string;
  doneOn: string | null;
}

export const SchoolProject = defineEntity({
  name: 'SchoolProject',
  tableName: 'school_project',
  properties: {
    ...baseProperties(),
    name: p.string().length(200),
    sponsorCreditCode: p.string().length(18).index(),
    sponsorName: p.string().length(200),
    status: p.string().length(10).index(),
    // bigint: a school investment passes the 32-bit range of GraphQL's Int in yuan terms soon.
    investmentFen: p.bigint('number'),
    districtCode: p.string().length(40).nullable(),
    // A project has a handful of milestones, always read and written with it: one JSON column,
    // guarded by the entity's version against two completions overwriting each other.
    milestones: p.json<StoredMilestone[]>(),
    /**
     * The earliest planned day among milestones not done (null when all are done), kept by every
     * write: the late list reads only projects with this before today, through the index.
     */
    earliestOpenOn: p.string().length(10).nullable().index(),
  },
});
export type SchoolProject = InferEntity<typeof SchoolProject>;
