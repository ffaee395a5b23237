import type { MikroORM } from '@mikro-orm/core';
import type { Actor } from '@edugraph/auth';
import { emitEvent } from '@edugraph/events';
import type { ScheduledJob } from '@edugraph/platform';
import { clockToAnnounce } from '../../domain/review/index.ts';
import { BadReviewCaseRecord } from '../../entities/review.entities.ts';
import { loadCaseContext } from './review-context.ts';

export const CASE_CLOCK_ACTOR: Actor = { id: 'feedback-case-clock', kind: 'system', roles: [], institutionId: null, office: null, creditCode: null };

/**
 * Every minute, on every replica: a case whose callback or fix turns DUE_SOON or OVERDUE is
 * announced once per state (feedback.case.overdue). Each case changes in its own transaction under
 * its row version, so two replicas announcing at once announce once.
 */
export function caseClockJob(orm: MikroORM, clock: () => Date): ScheduledJob {
  return {
    name: 'bad-review case clocks',
    everyMs: 60_000,
    async run() {
      const cc = await loadCaseContext(orm.em.fork(), clock);
      const running = await orm.em.fork().find(BadReviewCaseRecord, { dueOn: { $ne: null }, status: { $in: ['AWAITING_CALLBACK', 'RECTIFYING'] } }, { fields: ['id'] });
      let announced = 0;
      for (const { id } of running) {
        try {
          await orm.em.fork().transactional(async (tx) => {
            const record = await tx.findOne(BadReviewCaseRecord, { id });
            if (!record) return;
            const due = clockToAnnounce(record.state, cc);
            if (!due) return;
            record.state = due.next;
            emitEvent(tx, {
              type: 'feedback.case.overdue',
              aggregateType: 'BadReviewCase',
              aggregateId: record.id,
              actor: CASE_CLOCK_ACTOR,
              correlationId: record.id,
              payload: {
                caseId: record.id,
                ratingId: record.ratingId,
                office: record.office,
                status: due.announce,
                dueOn: record.dueOn!,
                stage: record.status === 'AWAITING_CALLBACK' ? 'CALLBACK' : 'RECTIFICATION',
              },
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
