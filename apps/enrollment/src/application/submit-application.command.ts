import { z } from 'zod';
import { AppError, idInput, parseInput, requireRole, textInput } from '@edugraph/platform';
import { isUniqueViolation, newId } from '@edugraph/persistence';
import { submitApplication as openApplication } from '../domain/application/index.ts';
import type { ApplicationForm } from '../domain/application/index.ts';
import { levelOfGrade } from '../domain/shared/index.ts';
import type { Problem } from '../domain/shared/index.ts';
import { Application } from '../entities/application.entity.ts';
import { District } from '../entities/district.entity.ts';
import { School } from '../entities/school.entity.ts';
import type { EntityManager } from '@mikro-orm/core';
import { CHILD_ID_INDEX } from './personal-data.ts';
import { queueApplicationEvents, refusal, saveApplication } from './application-change.ts';
import type { EnrollmentContext } from './application-change.ts';
import { toApplicationView } from './application.view.ts';
import type { ApplicationView } from './application.view.ts';

// Shapes only; the rules (IDs, ages, dates, limits) are the domain's, all reported at once.
const person = { name: textInput({ max: 50 }), residentId: textInput({ max: 18, form: 'NFKC' }) };
const submitInput = z.object({
  year: z.number().int(),
  grade: z.number().int(),
  child: z.object({ ...person, birthDate: z.string(), sex: z.enum(['MALE', 'FEMALE']) }),
  guardians: z.array(z.object({ ...person, phone: textInput({ max: 20, form: 'NFKC' }), relation: z.enum(['FATHER', 'MOTHER', 'GUARDIAN']) })).max(5),
  residenceDistrictCode: textInput({ max: 40, form: 'NFKC' }),
  housing: z.enum(['OWNER', 'RENTER']),
  residenceSince: z.string(),
  rankedSchoolIds: z.array(idInput()).max(20),
});
export type SubmitApplication = z.input<typeof submitInput>;

/**
 * A guardian applies for a child. Every problem of the form comes back at once (INVALID_APPLICATION
 * with each problem's field and code); one application per child and year, found by the blind
 * index of the child's resident ID (ALREADY_EXISTS names the first), also when two arrive at once.
 */
export async function submitApplication(ctx: EnrollmentContext, raw: SubmitApplication): Promise<ApplicationView> {
  requireRole(ctx.actor, ['PARENT'], 'apply for a school place');
  const form = parseInput(submitInput, raw) as ApplicationForm;
  const childIndex = ctx.cipher.blindIndex(form.child.residentId, CHILD_ID_INDEX);
  try {
    return await ctx.em.fork().transactional(async (tx) => {
      const districtCodes = (await tx.find(District, {})).map((d) => d.code);
      const opened = openApplication(newId(), form, { today: ctx.today, districtCodes });
      const problems = [...(opened.ok ? [] : (opened.error.problems ?? [])), ...(await schoolProblems(tx, form))];
      if (!opened.ok || problems.length > 0) {
        throw refusal({ code: 'INVALID_APPLICATION', message: problems.map((p) => `${p.field}: ${p.message}`).join('; ') || (opened.ok ? '' : opened.error.message), problems });
      }
      const existing = await tx.findOne(Application, { year: form.year, childIndex });
      if (existing) throw alreadyApplied(existing.id);
      const row = tx.create(Application, {
        id: opened.value.application.id,
        year: form.year,
        grade: form.grade,
        status: 'SUBMITTED',
        guardianId: ctx.actor.id,
        childIndex,
        residenceDistrictCode: form.residenceDistrictCode,
        state: {},
      });
      saveApplication(row, opened.value.application, ctx.cipher);
      queueApplicationEvents(tx, ctx, row, opened.value.events);
      await tx.flush();
      return toApplicationView(row, opened.value.application);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const first = await ctx.em.fork().findOne(Application, { year: form.year, childIndex });
    throw alreadyApplied(first?.id ?? null);
  }
}

/** Ranked schools must be schools of the city that teach the grade. */
async function schoolProblems(tx: EntityManager, form: ApplicationForm): Promise<Problem[]> {
  if (form.rankedSchoolIds.length === 0) return [];
  const schools = new Map((await tx.find(School, { institutionId: { $in: [...form.rankedSchoolIds] } })).map((s) => [s.institutionId, s]));
  const level = levelOfGrade(form.grade);
  return form.rankedSchoolIds.flatMap((id, i): Problem[] => {
    const school = schools.get(id);
    if (!school) return [{ field: `rankedSchoolIds.${i}`, code: 'SCHOOL_NOT_IN_CITY', message: `${id} is not a primary or junior school of the city` }];
    if (school.closedAt) return [{ field: `rankedSchoolIds.${i}`, code: 'SCHOOL_CLOSED', message: `${school.name} no longer takes children` }];
    if (school.level !== level) return [{ field: `rankedSchoolIds.${i}`, code: 'GRADE_NOT_TAUGHT', message: `${school.name} does not teach grade ${form.grade}` }];
    return [];
  });
}

function alreadyApplied(id: string | null): AppError {
  return new AppError('ALREADY_EXISTS', 'This child already has an application for this school year; follow or correct that one.', { applicationId: id });
}
