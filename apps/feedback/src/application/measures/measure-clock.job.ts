import type { MikroORM } from '@mikro-orm/core';
import type { Actor } from '@edugraph/auth';
import { emitEvent } from '@edugraph/events';
import type { ScheduledJob } from '@edugraph/platform';
import { clockToAnnounce } from '../../domain/measures/index.ts';
import { MeasureRecord } from '../../entities/measure.entities.ts';
import { saveMeasure } from './measure.commands.ts';
import { measureContext } from './measure-context.ts';

export const MEASURE_CLOCK_ACTOR: Actor = { id: 'feedback-measure-clock', kind: 'system', roles: [], institutionId: null, office: null, creditCode: null };

/** How often measures' deadlines are looked at. */
const MEASURE_CLOCK_EVERY_MS = 60_000;

/**
 * Every minute, on every replica: an open measure whose deadline turns DUE_SOON (some working days
 * before) or OVERDUE (after) is announced once per state (feedback.measure.overdue). Each measure
 * changes in its own transaction under its row version, so replicas running at once announce once:
 * the slower one finds the measure changed and leaves it.
 */
export function measureClockJob(orm: MikroORM, clock: () => Date): ScheduledJob {
  return {
    name: 'measure clocks',
    everyMs: MEASURE_CLOCK_EVERY_MS,
    async run() {
      const mc = measureContext(clock);
      const horizon = mc.calendar.addWorkingDays(mc.today, mc.policy.dueSoonWorkingDays);
      const running = await orm.em
        .fork()
        .find(MeasureRecord, { status: 'OPEN', dueOn: { $lte: horizon }, $or: [{ announced: null }, { announced: 'DUE_SOON' }] }, { fields: ['id'] });
      let announced = 0;
      for (const { id } of running) {
        try {
          await orm.em.fork().transactional(async (tx) => {
            const record = await tx.findOne(MeasureRecord, { id });
            if (!record) return;
            const due = clockToAnnounce(record.state, mc);
            if (!due) return;
            saveMeasure(record, due.next);
            emitEvent(tx, {
              type: 'feedback.measure.overdue',
              aggregateType: 'Measure',
              aggregateId: record.id,
              actor: MEASURE_CLOCK_ACTOR,
              correlationId: `measure-clock:${mc.today}:${record.id}`,
              payload: { measureId: record.id, ownerKind: record.ownerKind as 'OFFICE' | 'INSTITUTION', owner: record.owner, status: due.announce, dueOn: record.dueOn, percent: record.percent },
            });
            await tx.flush();
            announced++;
          });
        } catch (error) {
          if ((error as Error).name !== 'OptimisticLockError') throw error;
        }
      }
      return announced;
    },
  };
}
