import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { emitEvent } from '@edugraph/events';
import { isUniqueViolation } from '@edugraph/persistence';
import { AppError, idInput, parseInput, textInput } from '@edugraph/platform';
import { enrolmentEntry, transferEntries } from '../domain/funding/index.ts';
import type { LedgerEntry } from '../domain/funding/index.ts';
import { levelOfGrade } from '../domain/shared/index.ts';
import { Application, Student } from '../entities/application.entity.ts';
import { FundingEntry } from '../entities/funding.entity.ts';
import { School } from '../entities/school.entity.ts';
import { SeatPool } from '../entities/seat-pool.entity.ts';
import { requireAdmissions } from './admissions-access.ts';
import { refusal } from './application-change.ts';
import type { EnrollmentContext } from './application-change.ts';
import { FUNDING_RATES, toFundingEntryView, toLedgerEntry } from './funding.view.ts';
import type { FundingEntryView } from './funding.view.ts';

/** A student's entries of a year, in order. */
async function entriesOf(tx: EntityManager, studentId: string, year: number): Promise<FundingEntry[]> {
  return tx.find(FundingEntry, { studentId, year }, { orderBy: { seq: 'asc' } });
}

function addEntry(tx: EntityManager, ctx: Pick<EnrollmentContext, 'actor' | 'today'>, entry: LedgerEntry, seq: number, reason: string | null = null): FundingEntry {
  return tx.create(FundingEntry, {
    studentId: entry.studentId,
    schoolId: entry.schoolId,
    year: entry.year,
    seq,
    kind: entry.kind,
    level: entry.level,
    amountFen: entry.amountFen,
    on: ctx.today,
    recordedBy: ctx.actor.id,
    reason,
  });
}

/**
 * The ENROLMENT entry of a newly enrolled student, at the year's rate of the grade's level. Call it
 * inside the enrolment's transaction, after the Student row is created, so the enrolment and its
 * funding commit together (or not at all): a year without a rate refuses the enrolment with
 * RATE_NOT_SET, a second entry ALREADY_FUNDED. Only queues the row; the caller flushes.
 */
export async function recordEnrolmentFunding(
  tx: EntityManager,
  ctx: Pick<EnrollmentContext, 'actor' | 'today'>,
  student: Pick<Student, 'id' | 'schoolId' | 'year' | 'grade'>,
): Promise<FundingEntry> {
  const existing = await entriesOf(tx, student.id, student.year);
  const decided = enrolmentEntry(existing.map(toLedgerEntry), FUNDING_RATES, { studentId: student.id, schoolId: student.schoolId, year: student.year, grade: student.grade });
  if (!decided.ok) throw refusal(decided.error);
  return addEntry(tx, ctx, decided.value, existing.length);
}

const transferInput = z.object({ studentId: idInput(), toSchoolId: idInput(), reason: textInput({ min: 1, max: 500, multiline: true }) });

export interface TransferView {
  student: Student;
  entries: FundingEntryView[];
}

/**
 * The admissions office moves an enrolled student to another school, with the year's funding, in
 * one transaction: the new school's seat is taken by the same conditional update as `enrol`
 * (`placed < capacity`), the old school's seat given back, one TRANSFER_OUT and one TRANSFER_IN
 * written, and enrollment.student.transferred queued.
 */
export async function transferStudent(ctx: EnrollmentContext, raw: { studentId: string; toSchoolId: string; reason: string }): Promise<TransferView> {
  requireAdmissions(ctx.actor, 'transfer a student');
  const input = parseInput(transferInput, raw);
  try {
    return await ctx.em.fork().transactional((tx) => transfer(tx, ctx, input));
  } catch (error) {
    if (isUniqueViolation(error) || (error as Error).name === 'OptimisticLockError') {
      throw new AppError('CONFLICT', 'The student was changed by someone else at the same moment; reload and try again.');
    }
    throw error;
  }
}

async function transfer(tx: EntityManager, ctx: EnrollmentContext, input: z.output<typeof transferInput>): Promise<TransferView> {
  const student = await tx.findOne(Student, { id: input.studentId });
  if (!student) throw new AppError('NOT_FOUND', 'No enrolled student has this id.');
  const fromSchoolId = student.schoolId;
  if (fromSchoolId === input.toSchoolId) throw new AppError('SAME_SCHOOL', 'The student is already at this school; choose another school to transfer to.');
  const school = await tx.findOne(School, { institutionId: input.toSchoolId });
  if (!school) throw new AppError('NOT_FOUND', 'No primary or junior school with this institution id is known to enrollment.');
  if (levelOfGrade(student.grade) !== school.level) {
    throw new AppError('GRADE_NOT_TAUGHT', `${school.name} is a ${school.level.toLowerCase()} school and does not teach grade ${student.grade}.`);
  }
  const existing = await entriesOf(tx, student.id, student.year);
  const moves = transferEntries(existing.map(toLedgerEntry), FUNDING_RATES, {
    studentId: student.id,
    fromSchoolId,
    toSchoolId: input.toSchoolId,
    year: student.year,
    grade: student.grade,
  });
  if (!moves.ok) throw refusal(moves.error);
  const { year, grade } = student;
  // A seat offered to a child who has not enrolled yet is not free: count the offers held there.
  const held = await tx.count(Application, { placementSchoolId: input.toSchoolId, year, grade, status: { $in: ['PLACED', 'ACCEPTED'] } });
  const taken = await tx.nativeUpdate(SeatPool, { institutionId: input.toSchoolId, year, grade, placed: { $lt: raw(`capacity - ${Number(held)}`) } }, { placed: raw('placed + 1') });
  if (taken === 0) {
    throw new AppError('SEATS_FULL', `Every seat of grade ${grade} in ${year} at ${school.name} is taken; raise its capacity (setSeatCapacity) or choose another school.`);
  }
  await tx.nativeUpdate(SeatPool, { institutionId: fromSchoolId, year, grade, placed: { $gt: 0 } }, { placed: raw('placed - 1') });
  student.schoolId = input.toSchoolId;
  const [out, into] = moves.value;
  const rows = [addEntry(tx, ctx, out, existing.length, input.reason), addEntry(tx, ctx, into, existing.length + 1, input.reason)];
  emitEvent(tx, {
    type: 'enrollment.student.transferred',
    aggregateType: 'Student',
    aggregateId: student.id,
    actor: ctx.actor,
    correlationId: ctx.correlationId,
    payload: { studentId: student.id, applicationId: student.applicationId, fromSchoolId, toSchoolId: input.toSchoolId, year, grade, amountFen: into.amountFen, on: ctx.today },
  });
  await tx.flush();
  return { student, entries: rows.map(toFundingEntryView) };
}
