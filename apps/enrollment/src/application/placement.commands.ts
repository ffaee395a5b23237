import { raw } from '@mikro-orm/core';
import { hasRole } from '@edugraph/auth';
import { AppError, requireRole } from '@edugraph/platform';
import { newId } from '@edugraph/persistence';
import { SeatPool } from '../entities/seat-pool.entity.ts';
import { Student } from '../entities/application.entity.ts';
import { isAdmissions } from './admissions-access.ts';
import { requireOwner } from './application-access.ts';
import { changeApplication } from './application-change.ts';
import type { EnrollmentContext } from './application-change.ts';
import { toApplicationView } from './application.view.ts';
import { recordEnrolmentFunding } from './funding.commands.ts';
import type { ApplicationView } from './application.view.ts';

/** The guardian accepts or declines the seat offered. */
export async function respondToPlacement(ctx: EnrollmentContext, applicationId: string, response: 'ACCEPT' | 'DECLINE'): Promise<ApplicationView> {
  if (response !== 'ACCEPT' && response !== 'DECLINE') throw new AppError('BAD_USER_INPUT', 'response must be ACCEPT or DECLINE.');
  const { row, application } = await changeApplication(ctx, applicationId, {
    authorize: (r) => requireOwner(ctx.actor, r.guardianId, 'respond to a placement'),
    command: () => ({ type: 'respond', answer: response }),
  });
  return toApplicationView(row, application);
}

/**
 * The placed school's staff (or the admissions office) enrol an accepted child. The seat is taken
 * by a conditional update (`placed < capacity`) in the same transaction as the enrolment and its
 * event: of many enrolments at once for the last seats, exactly as many succeed as there are seats.
 */
export async function enrol(ctx: EnrollmentContext, applicationId: string): Promise<ApplicationView> {
  requireRole(ctx.actor, ['INSTITUTION_STAFF', 'BUREAU_STAFF'], 'enrol a child');
  const studentId = newId();
  const { row, application } = await changeApplication(
    ctx,
    applicationId,
    {
      authorize: (r) => {
        const atOwnSchool = hasRole(ctx.actor, 'INSTITUTION_STAFF') && ctx.actor.institutionId !== null && ctx.actor.institutionId === r.placementSchoolId;
        if (!atOwnSchool && !isAdmissions(ctx.actor)) throw new AppError('FORBIDDEN', 'Only the school the child was placed at, or the admissions office, may enrol the child.');
      },
      command: () => ({ type: 'enrol', studentId, on: ctx.today }),
    },
    async (tx, r, app) => {
      const schoolId = r.placementSchoolId!;
      const { year, grade } = app.form;
      const taken = await tx.nativeUpdate(SeatPool, { institutionId: schoolId, year, grade, placed: { $lt: raw('capacity') } }, { placed: raw('placed + 1') });
      if (taken === 0) throw new AppError('SEATS_FULL', `Every seat of grade ${grade} in ${year} at this school is taken; raise the capacity (setSeatCapacity) or place the child elsewhere.`);
      const student = tx.create(Student, { id: studentId, applicationId: r.id, schoolId, year, grade, enrolledOn: ctx.today });
      // The year's per-student funding follows the child from this day (经费随学生流动).
      await recordEnrolmentFunding(tx, ctx, student);
    },
  );
  return toApplicationView(row, application);
}
