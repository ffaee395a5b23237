// Every problem with a snapshot row at once, so a school fixes its export in one go.
import { characterCount, checkText, normaliseText, validateCreditCode } from '@edugraph/rules';
import { checkCatalogueCode } from '../catalogue/index.ts';
import { DEFAULT_LENGTH_YEARS, MAX_COUNT } from './types.ts';
import type { RowContext, RowProblem, RowProblemCode, SnapshotRow, SyncContext } from './types.ts';

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_COUNT;
}

export function validateRow(row: SnapshotRow, ctx: RowContext): RowProblem[] {
  const problems: RowProblem[] = [];
  const programmeCode = String(row.code);
  const add = (code: RowProblemCode, field: string, message: string) => problems.push({ row: ctx.row, programmeCode, code, field, message });

  const reference = row.outOfCatalogueReference ?? '';
  const checked = checkCatalogueCode(programmeCode, ctx.catalogue, {
    schoolLevel: ctx.schoolLevel,
    ...(reference.trim() !== '' ? { approvedOutOfCatalogue: { reference } } : {}),
  });
  if (!checked.ok) add(checked.error.code, 'code', checked.error.message);
  if (ctx.earlierCodes?.has(programmeCode)) add('DUPLICATE_CODE', 'code', `code ${programmeCode} already appears earlier in this snapshot; only the first row counts`);

  const name = typeof row.name === 'string' ? normaliseText(row.name) : '';
  const nameLength = characterCount(name);
  const nameText = checkText(name, { max: 200 });
  if (nameLength < 2 || nameLength > 200) add('INVALID_NAME', 'name', `name must be 2–200 characters (got ${nameLength})`);
  else if (!nameText.ok) add('INVALID_NAME', 'name', `name ${nameText.error.message}`);

  const allowed = (ctx.lengthYears ?? DEFAULT_LENGTH_YEARS)[ctx.schoolLevel];
  if (!allowed.includes(row.lengthYears)) add('INVALID_LENGTH_YEARS', 'lengthYears', `lengthYears must be ${allowed.join(' or ')} at ${ctx.schoolLevel} level (got ${row.lengthYears})`);

  if (!isCount(row.annualIntake)) add('INVALID_INTAKE', 'annualIntake', `annualIntake must be a whole number 0–${MAX_COUNT} (got ${row.annualIntake})`);
  if (!isCount(row.enrolled)) add('INVALID_ENROLLED', 'enrolled', `enrolled must be a whole number 0–${MAX_COUNT} (got ${row.enrolled})`);
  else if (ctx.intakeIsCap && isCount(row.annualIntake) && row.enrolled > row.annualIntake) {
    add('ENROLLED_ABOVE_INTAKE', 'enrolled', `enrolled (${row.enrolled}) must not exceed the annual intake cap (${row.annualIntake})`);
  }
  if (!isCount(row.applicants)) add('INVALID_APPLICANTS', 'applicants', `applicants must be a whole number 0–${MAX_COUNT} (got ${row.applicants})`);

  if (typeof row.featured !== 'boolean') add('INVALID_FEATURED', 'featured', `featured must be true or false (是/否) (got ${String(row.featured)})`);

  (row.partnerEnterprises ?? []).forEach((partner, i) => {
    const partnerName = typeof partner.name === 'string' ? normaliseText(partner.name) : '';
    const partnerText = checkText(partnerName, { max: 200 });
    if (partnerName === '' || !partnerText.ok) add('INVALID_PARTNER_NAME', `partnerEnterprises[${i}].name`, partnerText.ok ? 'partner name must be 1–200 characters' : `partner name ${partnerText.error.message}`);
    const credit = validateCreditCode(partner.creditCode);
    if (!credit.ok) add('INVALID_CREDIT_CODE', `partnerEnterprises[${i}].creditCode`, `${credit.error.message} (${credit.error.code})`);
  });

  if (ctx.industryCodes) {
    (row.industries ?? []).forEach((industry, i) => {
      if (!ctx.industryCodes?.has(industry)) add('UNKNOWN_INDUSTRY', `industries[${i}]`, `industry ${industry} is not one of the city's industries`);
    });
  }
  return problems;
}

export interface RowRejection {
  readonly row: number;
  readonly programmeCode: string;
  readonly problems: readonly RowProblem[];
}

export interface ValidatedSnapshot {
  /** Rows without problems, with their 1-based positions, in snapshot order. */
  readonly accepted: readonly { readonly row: number; readonly value: SnapshotRow }[];
  readonly rejected: readonly RowRejection[];
}

/** Validates each row; a code's second and later rows are DUPLICATE_CODE whatever the first was. */
export function validateSnapshot(rows: readonly SnapshotRow[], ctx: SyncContext): ValidatedSnapshot {
  const earlierCodes = new Set<string>();
  const accepted: { row: number; value: SnapshotRow }[] = [];
  const rejected: RowRejection[] = [];
  rows.forEach((value, i) => {
    const problems = validateRow(value, { ...ctx, row: i + 1, earlierCodes });
    earlierCodes.add(String(value.code));
    if (problems.length === 0) accepted.push({ row: i + 1, value });
    else rejected.push({ row: i + 1, programmeCode: String(value.code), problems });
  });
  return { accepted, rejected };
}
