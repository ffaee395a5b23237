// What a guardian submits, and every check of it at once (一次性告知): a parent corrects the whole
// form in one go instead of meeting one refusal after another.
import { isCalendarDate, validateResidentId } from '@edugraph/rules';
import type { CalendarDate, ResidentId } from '@edugraph/rules';
import type { Tenure } from '../placement/index.ts';
import type { Problem } from '../shared/index.ts';
import { checkAge, DEFAULT_AGE_RULES } from './age-rules.ts';
import type { AgeRuleTable } from './age-rules.ts';

export type Sex = 'MALE' | 'FEMALE';
export type GuardianRelation = 'FATHER' | 'MOTHER' | 'GUARDIAN';
export const GUARDIAN_RELATIONS: readonly GuardianRelation[] = ['FATHER', 'MOTHER', 'GUARDIAN'];

export interface ApplicationForm {
  readonly year: number;
  readonly grade: number;
  readonly child: { readonly name: string; readonly residentId: string; readonly birthDate: CalendarDate; readonly sex: Sex };
  readonly guardians: readonly { readonly name: string; readonly residentId: string; readonly phone: string; readonly relation: GuardianRelation }[];
  readonly residenceDistrictCode: string;
  /** The engine's tenure: OWNER or RENTER. */
  readonly housing: Tenure;
  readonly residenceSince: CalendarDate;
  readonly rankedSchoolIds: readonly string[];
}

/** Limits of the form: policy, so data with a basis. */
export interface FormPolicy {
  readonly minGuardians: number;
  readonly maxGuardians: number;
  readonly maxRankedSchools: number;
  readonly basis: string;
}

export const DEFAULT_FORM_POLICY: FormPolicy = {
  minGuardians: 1,
  maxGuardians: 2,
  maxRankedSchools: 5,
  basis: 'City admissions notice: one or two guardians (the parents, or one appointed guardian); up to five ranked schools.',
};

export interface FormContext {
  /** Today in Asia/Shanghai; passed in so the rules stay pure. */
  readonly today: CalendarDate;
  readonly ageRules?: AgeRuleTable;
  readonly policy?: FormPolicy;
  /** When given, the district must be one of these. */
  readonly districtCodes?: readonly string[];
}

/** China mainland mobile numbers: 11 digits starting 13–19. */
const MOBILE = /^1[3-9]\d{9}$/;
const MAX_NAME = 50;

function checkName(field: string, name: unknown, problems: Problem[]): void {
  if (typeof name !== 'string' || name.trim() === '') problems.push({ field, code: 'REQUIRED', message: 'a name is required' });
  else if ([...name.trim()].length > MAX_NAME) problems.push({ field, code: 'TOO_LONG', message: `at most ${MAX_NAME} characters` });
}

function checkId(field: string, input: string, today: CalendarDate, problems: Problem[]): ResidentId | undefined {
  const result = validateResidentId(input, { today });
  if (result.ok) return result.value;
  problems.push({ field, code: 'INVALID_RESIDENT_ID', message: result.error.message });
  return undefined;
}

function checkChild(form: ApplicationForm, context: FormContext, problems: Problem[]): ResidentId | undefined {
  const { child } = form;
  checkName('child.name', child.name, problems);
  const id = checkId('child.residentId', child.residentId, context.today, problems);
  if (!isCalendarDate(child.birthDate)) {
    problems.push({ field: 'child.birthDate', code: 'INVALID_DATE', message: 'expected a date as YYYY-MM-DD' });
  } else if (id && id.birthDate !== child.birthDate) {
    problems.push({ field: 'child.birthDate', code: 'BIRTH_DATE_MISMATCH', message: `the resident ID gives ${id.birthDate}` });
  }
  if (child.sex !== 'MALE' && child.sex !== 'FEMALE') problems.push({ field: 'child.sex', code: 'INVALID_SEX', message: 'MALE or FEMALE' });
  else if (id && id.sex !== child.sex) {
    problems.push({ field: 'child.sex', code: 'SEX_MISMATCH', message: `the resident ID's 17th digit gives ${id.sex}` });
  }
  // Age is judged on the ID's birth date when the ID is valid: it is the one that cannot be mistyped unnoticed.
  const birthDate = id?.birthDate ?? (isCalendarDate(child.birthDate) ? child.birthDate : undefined);
  if (birthDate && Number.isInteger(form.year) && Number.isInteger(form.grade)) {
    const age = checkAge(context.ageRules ?? DEFAULT_AGE_RULES, form.year, form.grade, birthDate);
    if (!age.ok) problems.push({ field: age.code === 'TOO_YOUNG' || age.code === 'TOO_OLD' ? 'child.birthDate' : age.code === 'YEAR_NOT_OPEN' ? 'year' : 'grade', code: age.code, message: age.message });
  }
  return id;
}

function checkGuardians(form: ApplicationForm, context: FormContext, childId: ResidentId | undefined, problems: Problem[]): void {
  const policy = context.policy ?? DEFAULT_FORM_POLICY;
  const guardians = Array.isArray(form.guardians) ? form.guardians : [];
  if (guardians.length < policy.minGuardians) {
    problems.push({ field: 'guardians', code: 'GUARDIAN_REQUIRED', message: `at least ${policy.minGuardians} guardian` });
  }
  if (guardians.length > policy.maxGuardians) {
    problems.push({ field: 'guardians', code: 'TOO_MANY_GUARDIANS', message: `at most ${policy.maxGuardians} guardians` });
  }
  const seen = new Set<string>();
  guardians.forEach((guardian, index) => {
    const at = `guardians[${index}]`;
    checkName(`${at}.name`, guardian.name, problems);
    const id = checkId(`${at}.residentId`, guardian.residentId, context.today, problems);
    if (id && (seen.has(id.id) || id.id === childId?.id)) {
      problems.push({ field: `${at}.residentId`, code: 'DUPLICATE_PERSON', message: 'the same person appears twice in the application' });
    }
    if (id) seen.add(id.id);
    if (typeof guardian.phone !== 'string' || !MOBILE.test(guardian.phone)) {
      problems.push({ field: `${at}.phone`, code: 'INVALID_PHONE', message: 'an 11-digit mainland mobile number starting 13–19' });
    }
    if (!GUARDIAN_RELATIONS.includes(guardian.relation)) {
      problems.push({ field: `${at}.relation`, code: 'INVALID_RELATION', message: `one of ${GUARDIAN_RELATIONS.join(', ')}` });
    } else if (id && ((guardian.relation === 'FATHER' && id.sex !== 'MALE') || (guardian.relation === 'MOTHER' && id.sex !== 'FEMALE'))) {
      problems.push({ field: `${at}.relation`, code: 'RELATION_SEX_MISMATCH', message: `${guardian.relation} does not match the resident ID's sex` });
    }
  });
}

function checkResidenceAndChoices(form: ApplicationForm, context: FormContext, problems: Problem[]): void {
  const policy = context.policy ?? DEFAULT_FORM_POLICY;
  if (typeof form.residenceDistrictCode !== 'string' || form.residenceDistrictCode.trim() === '') {
    problems.push({ field: 'residenceDistrictCode', code: 'REQUIRED', message: 'the district of residence is required' });
  } else if (context.districtCodes && !context.districtCodes.includes(form.residenceDistrictCode)) {
    problems.push({ field: 'residenceDistrictCode', code: 'UNKNOWN_DISTRICT', message: `no district ${form.residenceDistrictCode}` });
  }
  if (form.housing !== 'OWNER' && form.housing !== 'RENTER') problems.push({ field: 'housing', code: 'INVALID_HOUSING', message: 'OWNER or RENTER' });
  if (!isCalendarDate(form.residenceSince)) {
    problems.push({ field: 'residenceSince', code: 'INVALID_DATE', message: 'expected a date as YYYY-MM-DD' });
  } else if (form.residenceSince > context.today) {
    problems.push({ field: 'residenceSince', code: 'DATE_IN_FUTURE', message: `${form.residenceSince} is after today (${context.today})` });
  }
  const ids = Array.isArray(form.rankedSchoolIds) ? form.rankedSchoolIds : [];
  if (ids.length > policy.maxRankedSchools) {
    problems.push({ field: 'rankedSchoolIds', code: 'TOO_MANY_CHOICES', message: `at most ${policy.maxRankedSchools} schools` });
  }
  ids.forEach((id, index) => {
    if (typeof id !== 'string' || id.trim() === '') problems.push({ field: `rankedSchoolIds[${index}]`, code: 'REQUIRED', message: 'a school id' });
    else if (ids.indexOf(id) !== index) problems.push({ field: `rankedSchoolIds[${index}]`, code: 'DUPLICATE_SCHOOL', message: `${id} is ranked twice` });
  });
}

/** Every problem of the form, in field order; empty means the form may be submitted. */
export function checkApplicationForm(form: ApplicationForm, context: FormContext): Problem[] {
  const problems: Problem[] = [];
  if (!Number.isInteger(form.year)) problems.push({ field: 'year', code: 'INVALID_YEAR', message: 'a school year such as 2026' });
  if (!Number.isInteger(form.grade)) problems.push({ field: 'grade', code: 'GRADE_NOT_OFFERED', message: 'a grade from 1 to 9' });
  const childId = checkChild(form, context, problems);
  checkGuardians(form, context, childId, problems);
  checkResidenceAndChoices(form, context, problems);
  return problems;
}
