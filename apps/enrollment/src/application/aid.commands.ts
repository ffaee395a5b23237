import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { hasRole } from '@edugraph/auth';
import type { Actor } from '@edugraph/auth';
import { emitEvent } from '@edugraph/events';
import { isUniqueViolation } from '@edugraph/persistence';
import { AppError, idInput, optionalTextInput, parseInput, requireRole } from '@edugraph/platform';
import { DEFAULT_AID_CRITERIA, aidDecidedEvents, decideAid as decideAidRule } from '../domain/aid/index.ts';
import type { AidCriteria, AidGrant, AidLevelCode, AidRefusal } from '../domain/aid/index.ts';
import { fail, levelOfGrade } from '../domain/shared/index.ts';
import type { Decision, SchoolLevel } from '../domain/shared/index.ts';
import { Application, Student } from '../entities/application.entity.ts';
import { AidApplication } from '../entities/funding.entity.ts';
import { isAdmissions, requireAdmissions } from './admissions-access.ts';
import { isOwner } from './application-access.ts';
import { queueApplicationEvents, refusal } from './application-change.ts';
import type { EnrollmentContext } from './application-change.ts';
import { toAidApplicationView } from './aid.view.ts';
import type { AidApplicationView } from './aid.view.ts';

/** One table for local and migrant students alike (data with its basis, domain/aid/criteria.ts). */
export const AID_CRITERIA: readonly AidCriteria[] = DEFAULT_AID_CRITERIA;

const DIFFICULTIES = ['MINIMUM_LIVING_ALLOWANCE', 'EXTREME_POVERTY', 'DISABILITY', 'ORPHAN', 'FINANCIAL_HARDSHIP'] as const satisfies readonly AidLevelCode[];

/** The student, the application they came from (its guardian is the family), and their level of school. */
export async function studentWithFamily(em: EntityManager, studentId: string): Promise<{ student: Student; application: Application; schoolLevel: SchoolLevel }> {
  const student = await em.findOne(Student, { id: studentId });
  if (!student) throw new AppError('NOT_FOUND', 'No enrolled student has this id.');
  const application = await em.findOne(Application, { id: student.applicationId });
  const schoolLevel = levelOfGrade(student.grade);
  if (!application || !schoolLevel) throw new AppError('NOT_FOUND', 'The student’s enrolment record is incomplete; ask the admissions office.');
  return { student, application, schoolLevel };
}

const atStudentsSchool = (actor: Actor, student: Student) => hasRole(actor, 'INSTITUTION_STAFF') && actor.institutionId !== null && actor.institutionId === student.schoolId;

/** The guardian who applied for the school place, the student's school's staff, and the admissions office. */
export function requireAidReader(actor: Actor, student: Student, application: Application): void {
  requireRole(actor, ['PARENT', 'INSTITUTION_STAFF', 'BUREAU_STAFF'], 'read aid applications');
  if (!isOwner(actor, application.guardianId) && !atStudentsSchool(actor, student) && !isAdmissions(actor)) {
    throw new AppError('FORBIDDEN', 'Only the student’s guardian, the student’s school and the admissions office may read its aid applications.');
  }
}

const applyInput = z.object({
  studentId: idInput(),
  criteria: z.object({ difficulty: z.enum(DIFFICULTIES), boarding: z.boolean() }),
});

/**
 * The student's guardian or school applies for aid for the student's school year. Checked against
 * the criteria table at once (CRITERIA_NOT_SET, NOT_ELIGIBLE), so a family is not left waiting for
 * a decision that cannot be a grant. One PENDING or GRANTED application per student and year.
 */
export async function applyForAid(ctx: EnrollmentContext, raw: { studentId: string; criteria: { difficulty: string; boarding: boolean } }): Promise<AidApplicationView> {
  requireRole(ctx.actor, ['PARENT', 'INSTITUTION_STAFF'], 'apply for aid');
  const input = parseInput(applyInput, raw);
  try {
    return await ctx.em.fork().transactional(async (tx) => {
      const { student, application, schoolLevel } = await studentWithFamily(tx, input.studentId);
      if (!isOwner(ctx.actor, application.guardianId) && !atStudentsSchool(ctx.actor, student)) {
        throw new AppError('FORBIDDEN', 'Only the student’s guardian (who applied for the school place) or the student’s school may apply for aid.');
      }
      const check = decideAidRule(AID_CRITERIA, { difficulty: input.criteria.difficulty, schoolLevel }, input.criteria.boarding, student.year);
      if (!check.ok) throw refusal(check.error);
      const activeKey = `${student.id}|${student.year}`;
      const open = await tx.findOne(AidApplication, { activeKey });
      if (open) throw alreadyApplied(open);
      const row = tx.create(AidApplication, {
        studentId: student.id,
        applicationId: application.id,
        year: student.year,
        difficultySealed: ctx.cipher.encrypt(input.criteria.difficulty),
        boarding: input.criteria.boarding,
        status: 'PENDING',
        activeKey,
        appliedBy: ctx.actor.id,
        appliedOn: ctx.today,
      });
      await tx.flush();
      return toAidApplicationView(row, ctx.cipher);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('ALREADY_APPLIED', 'An aid application for this student and school year is already open or granted.');
    throw error;
  }
}

function alreadyApplied(open: AidApplication): AppError {
  return new AppError(
    'ALREADY_APPLIED',
    `An aid application for this student and school year is already ${open.status === 'GRANTED' ? 'granted' : 'waiting for a decision'} (${open.id}); a new one can be made only after a refusal.`,
    { aidApplicationId: open.id },
  );
}

const decideInput = z.object({ aidApplicationId: idInput(), approve: z.boolean(), reason: optionalTextInput({ max: 500, multiline: true }) });

/**
 * The admissions office decides. A grant is at the amount of the criteria table for the student's
 * level of school and boarding, nothing else (the same for local and migrant students); a refusal
 * needs a reason the family can read. The decision, enrollment.aid.granted (or .refused) and
 * enrollment.application.completed (step AID, to the guardian) commit together.
 */
export async function decideAid(ctx: EnrollmentContext, raw: { aidApplicationId: string; approve: boolean; reason?: string | null }): Promise<AidApplicationView> {
  requireAdmissions(ctx.actor, 'decide aid');
  const input = parseInput(decideInput, raw);
  if (!input.approve && !input.reason) throw new AppError('REASON_REQUIRED', 'Say why the aid is refused: the family reads the reason.');
  try {
    return await ctx.em.fork().transactional(async (tx) => {
      const row = await tx.findOne(AidApplication, { id: input.aidApplicationId });
      if (!row) throw new AppError('NOT_FOUND', 'No aid application has this id.');
      if (row.status !== 'PENDING') throw new AppError('ALREADY_DECIDED', `This aid application was already decided (${row.status}${row.decidedOn ? ` on ${row.decidedOn}` : ''}).`);
      const { student, application, schoolLevel } = await studentWithFamily(tx, row.studentId);
      const difficulty = ctx.cipher.decrypt(row.difficultySealed) as AidLevelCode;
      let decision: Decision<AidGrant, AidRefusal>;
      if (input.approve) {
        decision = decideAidRule(AID_CRITERIA, { difficulty, schoolLevel }, row.boarding, row.year);
        // The table changed since the application: nothing is decided, the office may refuse instead.
        if (!decision.ok) throw refusal(decision.error);
      } else {
        decision = fail('NOT_ELIGIBLE', input.reason ?? 'refused');
      }
      row.status = decision.ok ? 'GRANTED' : 'REFUSED';
      row.amountFen = decision.ok ? decision.value.amountFen : null;
      row.basis = decision.ok ? decision.value.basis : null;
      row.refusalCode = decision.ok ? null : decision.error.code;
      row.activeKey = decision.ok ? row.activeKey : null;
      row.reason = input.reason;
      row.decidedBy = ctx.actor.id;
      row.decidedOn = ctx.today;
      for (const e of aidDecidedEvents(student.id, decision, application.id)) {
        if (e.type === 'enrollment.application.completed') {
          queueApplicationEvents(tx, ctx, application, [e]);
          continue;
        }
        // The domain's one "decided" event is published as granted or refused, so a consumer of grants reads only grants.
        const common = { aidApplicationId: row.id, studentId: student.id, applicationId: application.id, year: row.year };
        if (decision.ok) {
          emitEvent(tx, {
            type: 'enrollment.aid.granted',
            aggregateType: 'AidApplication',
            aggregateId: row.id,
            actor: ctx.actor,
            correlationId: ctx.correlationId,
            payload: { ...common, granted: true, amountFen: decision.value.amountFen, amount: String(e.payload['amount']) },
          });
        } else {
          emitEvent(tx, {
            type: 'enrollment.aid.refused',
            aggregateType: 'AidApplication',
            aggregateId: row.id,
            actor: ctx.actor,
            correlationId: ctx.correlationId,
            payload: { ...common, granted: false, reason: decision.error.code },
          });
        }
      }
      await tx.flush();
      return toAidApplicationView(row, ctx.cipher);
    });
  } catch (error) {
    if ((error as Error).name === 'OptimisticLockError') throw new AppError('CONFLICT', 'This aid application was decided by someone else at the same moment; reload it.');
    throw error;
  }
}

/** A student's aid applications, newest first: the guardian, the student's school, the admissions office. */
export async function aidApplications(ctx: EnrollmentContext, studentId: string): Promise<AidApplicationView[]> {
  requireRole(ctx.actor, ['PARENT', 'INSTITUTION_STAFF', 'BUREAU_STAFF'], 'read aid applications');
  const id = parseInput(z.object({ studentId: idInput() }), { studentId }).studentId;
  const { student, application } = await studentWithFamily(ctx.em, id);
  requireAidReader(ctx.actor, student, application);
  const rows = await ctx.em.find(AidApplication, { studentId: id }, { orderBy: { createdAt: 'desc' } });
  return rows.map((r) => toAidApplicationView(r, ctx.cipher));
}
