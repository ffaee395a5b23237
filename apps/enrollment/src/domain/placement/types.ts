// Inputs and outputs of the placement engine. Everything here is plain data so a year's
// placement can be stored, published and re-run by anyone holding the same inputs and seed.

export type DocumentKind =
  | 'HOUSEHOLD_REGISTER'
  | 'RESIDENCE_PERMIT'
  | 'PROPERTY_CERTIFICATE'
  | 'RENTAL_AGREEMENT'
  | 'COMMUNITY_RESIDENCE_PROOF'
  | 'PARENT_WORK_PROOF';

export type DocumentStatus = 'VERIFIED' | 'PENDING' | 'REJECTED';

export interface SubmittedDocument {
  readonly kind: DocumentKind;
  readonly status: DocumentStatus;
  /** Why staff rejected it; shown to the family so they can correct it. */
  readonly rejectionReason?: string;
}

export type Tenure = 'OWNER' | 'RENTER';

export type AttributeValue = string | number | boolean;

export interface Application {
  readonly id: string;
  readonly homeDistrictId: string;
  readonly grade: number;
  readonly tenure: Tenure;
  readonly residenceMonths: number;
  readonly documents: readonly SubmittedDocument[];
  /** The family's ranking of schools of its home district, best first. May be empty. */
  readonly rankedSchoolIds?: readonly string[];
  /** Home-to-school distances; order the schools the family did not rank. */
  readonly schoolDistancesKm?: Readonly<Record<string, number>>;
  /** Further facts a priority criterion of kind 'attribute' can read (e.g. hasSiblingAtSchool). */
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
}

export interface School {
  readonly id: string;
  readonly districtId: string;
  /** Seats offered this year, by grade. A grade that is absent has no seats. */
  readonly seatsByGrade: Readonly<Record<number, number>>;
}

/** One road distance. Directed; when the reverse direction is not listed, this one serves both. */
export interface DistrictDistance {
  readonly fromDistrictId: string;
  readonly toDistrictId: string;
  readonly km: number;
}

export interface City {
  readonly schools: readonly School[];
  readonly distances: readonly DistrictDistance[];
}

/**
 * One criterion of the priority order. Criteria compare lexicographically: the first one
 * decides, the next breaks its ties, and so on; the lottery breaks what is left.
 */
export type PriorityCriterion =
  /** Tenures in priority order; a tenure not listed comes after all listed ones. */
  | { readonly kind: 'tenure'; readonly order: readonly Tenure[] }
  /**
   * Longer residence first, in bands: `atLeastMonths: [36, 12]` puts 36+ months first,
   * then 12–35, then under 12. Bands (not raw months) keep the number of tiers small and
   * the rule easy to state in a public notice.
   */
  | { readonly kind: 'residenceMonths'; readonly atLeastMonths: readonly number[] }
  /** An application attribute whose values come in this order; other values come last. */
  | { readonly kind: 'attribute'; readonly name: string; readonly order: readonly AttributeValue[] };

/** For one tenure: every inner list is a requirement met by any one of its kinds, verified. */
export type DocumentRequirements = Readonly<Record<Tenure, readonly (readonly DocumentKind[])[]>>;

export interface PlacementRules {
  readonly priority: readonly PriorityCriterion[];
  /** Defaults to the bureau's list (DEFAULT_DOCUMENT_REQUIREMENTS). */
  readonly documentRequirements?: DocumentRequirements;
  /** Districts farther than this are out of reach for reassignment. No limit when absent. */
  readonly maxReassignmentKm?: number;
}

export interface PlacementInput {
  readonly city: City;
  readonly applications: readonly Application[];
  readonly rules: PlacementRules;
  /** Published with the results so anyone can recompute every lottery ticket. */
  readonly seed: string;
}

export interface UnmetRequirement {
  /** Any one of these kinds, verified, would meet the requirement. */
  readonly acceptable: readonly DocumentKind[];
  /** What was handed in for it and why it does not count; empty when nothing was handed in. */
  readonly submitted: readonly { readonly kind: DocumentKind; readonly status: 'PENDING' | 'REJECTED'; readonly rejectionReason?: string }[];
}

interface OutcomeBase {
  readonly applicationId: string;
  readonly homeDistrictId: string;
  readonly grade: number;
  /** 0 for the main allocation, 1 for the first batch of late applications, and so on. */
  readonly batch: number;
  readonly explanation: string;
}

/** Tier and lottery facts of an eligible application (see lottery.ts for the definitions). */
export interface LotteryStanding {
  /** 1 is the highest priority. Derived from the criteria alone, so stable across runs. */
  readonly tier: number;
  /** HMAC-SHA256(seed, applicationId) in hex; lower ranks first. */
  readonly lotteryTicket: string;
  /** 1-based position by ticket among same batch, home district, grade and tier. */
  readonly lotteryRank: number;
  /** How many applications share that batch, home district, grade and tier. */
  readonly lotteryPoolSize: number;
}

export interface InDistrictOutcome extends OutcomeBase, LotteryStanding {
  readonly status: 'IN_DISTRICT';
  readonly schoolId: string;
  readonly districtId: string;
  /** 1-based position of the school in the family's list (ranked schools, then the rest). */
  readonly choice: number;
  /** Whether the family ranked this school itself or it came from the appended remainder. */
  readonly rankedByFamily: boolean;
  /** Schools before it in the list, all full when this application's turn came. */
  readonly fullEarlierChoices: readonly string[];
}

export interface ReassignedOutcome extends OutcomeBase, LotteryStanding {
  readonly status: 'REASSIGNED';
  readonly schoolId: string;
  readonly districtId: string;
  readonly distanceKm: number;
  /** The home district, then every nearer district, in the order tried; all were full. */
  readonly fullDistricts: readonly string[];
}

export interface WaitlistedOutcome extends OutcomeBase, LotteryStanding {
  readonly status: 'WAITLISTED';
  /** The home district, then every district within reach, in the order tried; all were full. */
  readonly fullDistricts: readonly string[];
}

export interface IneligibleOutcome extends OutcomeBase {
  readonly status: 'INELIGIBLE';
  readonly unmetRequirements: readonly UnmetRequirement[];
}

export type PlacementOutcome = InDistrictOutcome | ReassignedOutcome | WaitlistedOutcome | IneligibleOutcome;

export interface SeatCount {
  readonly schoolId: string;
  readonly grade: number;
  readonly free: number;
}

export interface PlacementResult {
  readonly seed: string;
  /** Number of batches run so far (1 after the main allocation). */
  readonly batches: number;
  /** In the order the applications were given (main batch first); content never depends on it. */
  readonly outcomes: readonly PlacementOutcome[];
  /** Free seats per school and grade after every batch so far; input of placeLate. */
  readonly remainingSeats: readonly SeatCount[];
}
