import type { EntityManager } from '@mikro-orm/core';
import type { Actor, PiiCipher } from '@edugraph/auth';
import type { CalendarDate } from '@edugraph/rules';
import { handle } from '../domain/application/index.ts';
import type { StoredApplication } from '../domain/application/index.ts';
import { admissionCycleOver, retentionExpired } from '../domain/retention/index.ts';
import { Application } from '../entities/application.entity.ts';
import { applicationOf, queueApplicationEvents, saveApplication } from './application-change.ts';

export const PERSONAL_DATA_JOB_ACTOR: Actor = { id: 'enrollment-retention-job', kind: 'system', roles: [], institutionId: null, office: null, creditCode: null };
const ERASED = '（已删除）';
const CLOSABLE = ['WAITLISTED', 'INELIGIBLE', 'DECLINED', 'ENROLLED', 'WITHDRAWN'];

/** The application with every personal value replaced: what stays is what the statistics need. */
function erase(application: StoredApplication): StoredApplication {
  const { form } = application;
  return {
    ...application,
    form: {
      ...form,
      child: { ...form.child, name: ERASED, residentId: ERASED },
      guardians: form.guardians.map((g) => ({ ...g, name: ERASED, residentId: ERASED, phone: ERASED })),
    },
    documents: application.documents.map((d) => ({ ...d, number: ERASED })),
  };
}

/**
 * Keeps children's data no longer than its purpose (PIPL arts. 19, 47): closes applications whose
 * admission cycle is over, and erases the personal data of those closed longer than the retention
 * period, keeping year, grade, district and outcome for the statistics. Each application changes
 * in its own transaction under its version, so replicas running it at once change it once.
 */
export async function runPersonalDataJob(em: EntityManager, today: CalendarDate, cipher: PiiCipher): Promise<{ closed: number; erased: number }> {
  const result = { closed: 0, erased: 0 };
  const candidates = await em.fork().find(Application, { $or: [{ status: { $in: CLOSABLE } }, { status: 'CLOSED', erasedOn: null }] }, { fields: ['id', 'year', 'status', 'closedOn'] });
  for (const c of candidates) {
    const due = c.status === 'CLOSED' ? c.closedOn !== null && c.closedOn !== undefined && retentionExpired(c.closedOn, today) : admissionCycleOver(c.year, today);
    if (!due) continue;
    try {
      await em.fork().transactional(async (tx) => {
        const row = await tx.findOneOrFail(Application, { id: c.id });
        const application = applicationOf(row, cipher);
        if (row.status === 'CLOSED') {
          saveApplication(row, erase(application), cipher);
          row.childIndex = `erased:${row.id}`;
          row.erasedOn = today;
          result.erased++;
        } else {
          const step = handle(application, { type: 'close', on: today });
          if (!step.ok) return;
          saveApplication(row, step.value.application, cipher);
          queueApplicationEvents(tx, { actor: PERSONAL_DATA_JOB_ACTOR, correlationId: `retention:${today}`, today }, row, step.value.events);
          result.closed++;
        }
        await tx.flush();
      });
    } catch (error) {
      if ((error as Error).name !== 'OptimisticLockError') throw error;
    }
  }
  return result;
}
