import { lotteryTicket } from './lottery.ts';
import { explainIneligible, explainInDistrict, explainReassigned, explainWaitlisted } from './explanation.ts';
import type { InDistrictOutcome, IneligibleOutcome, LotteryStanding, ReassignedOutcome, UnmetRequirement, WaitlistedOutcome } from './types.ts';

// Outcomes are small classes for one reason: `explanation` and `lotteryTicket` are getters,
// derived from the other fields (and the seed) when someone reads them instead of for every
// child up front. At province scale the eager sentences cost more than the whole placement
// (measured: ~1 s of string building and garbage collection per 100,000 children), and a
// million 64-digit tickets held in memory cost ~100 MB. toJSON writes both into published
// JSON, so the published record is complete.

type Facts<T> = Omit<T, 'status' | 'explanation'>;
/** Outcomes with a lottery keep the seed instead of the 64-digit ticket: it is redrawn on read. */
type LotteryFacts<T> = Omit<Facts<T>, 'lotteryTicket'> & { readonly seed: string };
type StandingFacts = LotteryFacts<LotteryStanding & { applicationId: string; homeDistrictId: string; grade: number; batch: number }>;

/** What every eligible application's outcome shares: who, which batch, tier and lottery standing. */
abstract class EligibleOutcome {
  readonly applicationId: string;
  readonly homeDistrictId: string;
  readonly grade: number;
  readonly batch: number;
  readonly tier: number;
  readonly #seed: string;
  readonly lotteryRank: number;
  readonly lotteryPoolSize: number;

  constructor(f: StandingFacts) {
    this.#seed = f.seed;
    this.applicationId = f.applicationId;
    this.homeDistrictId = f.homeDistrictId;
    this.grade = f.grade;
    this.batch = f.batch;
    this.tier = f.tier;
    this.lotteryRank = f.lotteryRank;
    this.lotteryPoolSize = f.lotteryPoolSize;
  }

  get lotteryTicket(): string {
    return lotteryTicket(this.#seed, this.applicationId);
  }

  abstract get explanation(): string;

  protected toRecord<T>(): T {
    return { ...this, lotteryTicket: this.lotteryTicket, explanation: this.explanation } as T;
  }
}

export class InDistrict extends EligibleOutcome implements InDistrictOutcome {
  readonly status = 'IN_DISTRICT';
  readonly schoolId: string;
  readonly districtId: string;
  readonly choice: number;
  readonly rankedByFamily: boolean;
  readonly fullEarlierChoices: readonly string[];

  constructor(f: LotteryFacts<InDistrictOutcome>) {
    super(f);
    this.schoolId = f.schoolId;
    this.districtId = f.districtId;
    this.choice = f.choice;
    this.rankedByFamily = f.rankedByFamily;
    this.fullEarlierChoices = f.fullEarlierChoices;
  }

  get explanation(): string {
    return explainInDistrict(this);
  }

  toJSON(): InDistrictOutcome {
    return this.toRecord();
  }
}

export class Reassigned extends EligibleOutcome implements ReassignedOutcome {
  readonly status = 'REASSIGNED';
  readonly schoolId: string;
  readonly districtId: string;
  readonly distanceKm: number;
  readonly fullDistricts: readonly string[];

  constructor(f: LotteryFacts<ReassignedOutcome>) {
    super(f);
    this.schoolId = f.schoolId;
    this.districtId = f.districtId;
    this.distanceKm = f.distanceKm;
    this.fullDistricts = f.fullDistricts;
  }

  get explanation(): string {
    return explainReassigned(this);
  }

  toJSON(): ReassignedOutcome {
    return this.toRecord();
  }
}

export class Waitlisted extends EligibleOutcome implements WaitlistedOutcome {
  readonly status = 'WAITLISTED';
  readonly fullDistricts: readonly string[];

  constructor(f: LotteryFacts<WaitlistedOutcome>) {
    super(f);
    this.fullDistricts = f.fullDistricts;
  }

  get explanation(): string {
    return explainWaitlisted(this);
  }

  toJSON(): WaitlistedOutcome {
    return this.toRecord();
  }
}

export class Ineligible implements IneligibleOutcome {
  readonly status = 'INELIGIBLE';
  readonly applicationId: string;
  readonly homeDistrictId: string;
  readonly grade: number;
  readonly batch: number;
  readonly unmetRequirements: readonly UnmetRequirement[];

  constructor(f: Facts<IneligibleOutcome>) {
    this.applicationId = f.applicationId;
    this.homeDistrictId = f.homeDistrictId;
    this.grade = f.grade;
    this.batch = f.batch;
    this.unmetRequirements = f.unmetRequirements;
  }

  get explanation(): string {
    return explainIneligible(this.batch, this.unmetRequirements);
  }

  toJSON(): IneligibleOutcome {
    return { ...this, explanation: this.explanation };
  }
}
