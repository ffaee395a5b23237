import { describe, expect, it } from 'vitest';
import { checkApplicationForm } from './form.ts';
import { residentId, TODAY, validForm } from './spec-support/fixtures.ts';

const check = (form = validForm(), today = TODAY) => checkApplicationForm(form, { today });
const codes = (form = validForm()) => check(form).map((p) => `${p.field}:${p.code}`);

describe('application form', () => {
  it('accepts a valid form', () => {
    expect(check()).toEqual([]);
  });

  it('returns every problem at once (一次性告知)', () => {
    const form = validForm({
      child: { name: '', residentId: '330102202003151230', birthDate: '2020-03-15', sex: 'MALE' },
      guardians: [{ name: '李建国', residentId: residentId('1990-01-02', 'MALE'), phone: '2381234567', relation: 'UNCLE' as 'FATHER' }],
      residenceSince: '2026-06-01',
      rankedSchoolIds: ['S1', 'S2', 'S1', 'S3', 'S4', 'S5'],
    });
    expect(codes(form)).toEqual([
      'child.name:REQUIRED',
      'child.residentId:INVALID_RESIDENT_ID',
      'guardians[0].phone:INVALID_PHONE',
      'guardians[0].relation:INVALID_RELATION',
      'residenceSince:DATE_IN_FUTURE',
      'rankedSchoolIds:TOO_MANY_CHOICES',
      'rankedSchoolIds[2]:DUPLICATE_SCHOOL',
    ]);
    for (const problem of check(form)) expect(problem.message.length).toBeGreaterThan(0);
  });

  it('checks the birth date and sex against the resident ID', () => {
    const child = { name: '李小明', residentId: residentId('2020-03-15', 'MALE'), birthDate: '2020-03-16', sex: 'FEMALE' as const };
    expect(codes(validForm({ child }))).toEqual(['child.birthDate:BIRTH_DATE_MISMATCH', 'child.sex:SEX_MISMATCH']);
  });

  it('checks the age for the grade on the ID birth date', () => {
    const young = { name: '李小明', residentId: residentId('2020-09-01', 'MALE'), birthDate: '2020-09-01', sex: 'MALE' as const };
    expect(codes(validForm({ child: young }))).toEqual(['child.birthDate:TOO_YOUNG']);
    const old = { name: '李小明', residentId: residentId('2017-03-01', 'MALE'), birthDate: '2017-03-01', sex: 'MALE' as const };
    expect(codes(validForm({ child: old }))).toEqual(['child.birthDate:TOO_OLD']);
    expect(codes(validForm({ grade: 12 }))).toEqual(['grade:GRADE_NOT_OFFERED']);
    expect(codes(validForm({ year: 2031 }))).toEqual(['year:YEAR_NOT_OPEN']);
  });

  it('needs one or two guardians, each a different person with a fitting relation', () => {
    expect(codes(validForm({ guardians: [] }))).toEqual(['guardians:GUARDIAN_REQUIRED']);
    const [father, mother] = validForm().guardians;
    expect(codes(validForm({ guardians: [father!, mother!, { ...father!, relation: 'GUARDIAN' }] }))).toEqual([
      'guardians:TOO_MANY_GUARDIANS',
      'guardians[2].residentId:DUPLICATE_PERSON',
    ]);
    expect(codes(validForm({ guardians: [{ ...mother!, relation: 'FATHER' }] }))).toEqual(['guardians[0].relation:RELATION_SEX_MISMATCH']);
    expect(codes(validForm({ guardians: [{ ...father!, residentId: 'x' }] }))).toEqual(['guardians[0].residentId:INVALID_RESIDENT_ID']);
  });

  it('accepts residence since today, refuses unknown districts when a list is given', () => {
    expect(check(validForm({ residenceSince: TODAY }))).toEqual([]);
    expect(checkApplicationForm(validForm(), { today: TODAY, districtCodes: ['D-OTHER'] }).map((p) => p.code)).toEqual(['UNKNOWN_DISTRICT']);
    expect(codes(validForm({ housing: 'LODGER' as 'OWNER', residenceSince: '2023-02-30' }))).toEqual(['housing:INVALID_HOUSING', 'residenceSince:INVALID_DATE']);
  });
});
