import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

export const Training = defineEntity({
  name: 'Training',
  tableName: 'training',
  properties: {
    ...baseProperties(),
    title: p.string().length(200),
    /** The session day, YYYY-MM-DD in Asia/Shanghai: text sorts as dates do. (`on` is an SQL keyword.) */
    heldOn: p.string().length(10).index(),
    place: p.string().length(200),
    capacity: p.integer(),
    /**
     * Seats taken, raised only by a conditional update (`registered < capacity`) in the same
     * transaction as the registration row, so two requests for the last seat cannot both get it.
     */
    registered: p.integer().default(0),
    attended: p.integer().default(0),
  },
});
export type Training = InferEntity<typeof Training>;

export const TrainingRegistration = defineEntity({
  name: 'TrainingRegistration',
  tableName: 'training_registration',
  // One registration per organisation and session, whatever races the requests run.
  uniques: [{ properties: ['trainingId', 'creditCode'] }],
  properties: {
    ...baseProperties(),
    trainingId: p.uuid().index(),
    creditCode: p.string().length(18),
    /** The organisation's name as we know it; the sign-in carries none, so the credit code for now. */
    name: p.string().length(200),
    attended: p.boolean().default(false),
  },
});
export type TrainingRegistration = InferEntity<typeof TrainingRegistration>;
