// A school's catalogue snapshot for a year, as its own system pushes it, and the programme the
// domain keeps from an accepted row (the domain's view, not the ORM entity: the application maps).
import type { Catalogue, VocationalLevel } from '../catalogue/index.ts';

export interface PartnerEnterprise {
  readonly name: string;
  /** Unified social credit code (统一社会信用代码), GB 32100-2015. */
  readonly creditCode: string;
}

export interface SnapshotRow {
  readonly code: string;
  readonly name: string;
  readonly lengthYears: number;
  readonly annualIntake: number;
  readonly enrolled: number;
  readonly applicants: number;
  readonly featured: boolean;
  readonly partnerEnterprises: readonly PartnerEnterprise[];
  /** Codes of the city's industries the programme serves (see alignment/). */
  readonly industries: readonly string[];
  /** Reference of the approval to run a programme outside the national catalogue (目录外专业). */
  readonly outOfCatalogueReference?: string | null;
}

/** A programme as the domain keeps it: an accepted row, normalised (see normaliseRow). */
export interface Programme extends SnapshotRow {
  readonly outOfCatalogueReference: string | null;
}

/** Programme lengths allowed at each level, in years: data, so a policy change is a data change. */
export type LengthYearsByLevel = Readonly<Record<VocationalLevel, readonly number[]>>;

export const DEFAULT_LENGTH_YEARS: LengthYearsByLevel = { SECONDARY: [3], ASSOCIATE: [3], BACHELOR: [4] };

/** Largest intake, enrolment or applicant count accepted on one row (matches checkProgramme). */
export const MAX_COUNT = 10_000;

export interface SyncContext {
  readonly catalogue: Catalogue;
  readonly schoolLevel: VocationalLevel;
  /** When true, annualIntake is a cap and enrolled above it is refused. */
  readonly intakeIsCap: boolean;
  readonly lengthYears?: LengthYearsByLevel;
  /** When given, a row's industry codes must be among these. */
  readonly industryCodes?: ReadonlySet<string>;
}

export interface RowContext extends SyncContext {
  /** 1-based position of the row in the snapshot. */
  readonly row: number;
  /** Codes of the rows before this one: a code seen before makes this row a DUPLICATE_CODE. */
  readonly earlierCodes?: ReadonlySet<string>;
}

export type RowProblemCode =
  | 'INVALID_CODE' | 'WRONG_LEVEL' | 'UNKNOWN_CATALOGUE_CODE' | 'DUPLICATE_CODE' | 'INVALID_NAME'
  | 'INVALID_LENGTH_YEARS' | 'INVALID_INTAKE' | 'INVALID_ENROLLED' | 'ENROLLED_ABOVE_INTAKE'
  | 'INVALID_APPLICANTS' | 'INVALID_FEATURED' | 'INVALID_PARTNER_NAME' | 'INVALID_CREDIT_CODE' | 'UNKNOWN_INDUSTRY';

export interface RowProblem {
  /** 1-based position of the row in the snapshot. */
  readonly row: number;
  /** The programme code the row gives, as given (so a school finds its row). */
  readonly programmeCode: string;
  /** What is wrong, machine-readable. */
  readonly code: RowProblemCode;
  /** Path of the field, e.g. `partnerEnterprises[1].creditCode`. */
  readonly field: string;
  readonly message: string;
}
