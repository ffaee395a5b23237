import { lotteryTicket } from './lottery.ts';
import { explainIneligible, explainInDistrict, explainReassigned, explainWaitlisted } from './explanation.ts';
import type { InDistrictOutcome, IneligibleOutcome, ReassignedOutcome, UnmetRequirement, WaitlistedOutcome } from './types.ts';

// Outcomes are small classes for one reason: `explanation` and `lotteryTicket` are getters,
// derived from the other fields (and the seed) when someone reads them instead of for every
// child up front. At province scale the eager sentences cost more than the whole placement
// (measured: ~1 s of string building and garbage collection per 100,000 children), and a
// million 64-digit tickets held in memory cost ~100 MB. toJSON writes both into published
// JSON, so the published record is complete.

type Facts<T> = Omit<T, 'status' | 'explanation'>;
/** Outcomes with a lottery keep the seed instead of the 64-digit ticket: it is redrawn on read. */
type LotteryFacts<T> = Omit<Facts<T>, 'lotteryTicket'> & { readonly seed: string };

export class InDistrict implements InDistrictOutcome {
  readonly status = 'IN_DISTRICT';
  readonly applicationId: string;
  readonly homeDistrictId: string;
  readonly grade: number;
  readonly batch: number;
  readonly schoolId: string;
  readonly districtId: string;
  readonly choice: number;
  readonly rankedByFamily: boolean;
  readonly fullEarlierChoices: readonly string[];
  readonly tier: number;
  readonly #seed: string;
  readonly lotteryRank: number;
  readonly lotteryPoolSize: number;

  constructor(f: LotteryFacts<InDistrictOutcome>) {
    this.#seed = f.seed;
    this.applicationId = f.applicationId;
    this.homeDistrictId = f.homeDistrictId;
    this.grade = f.grade;
    this.batch = f.batch;
    this.schoolId = f.schoolId;
    this.districtId = f.districtId;
    this.choice = f.choice;
    this.rankedByFamily = f.rankedByFamily;
    this.fullEarlierChoices = f.fullEarlierChoices;
    this.tier = f.tier;
    this.lotteryRank = f.lotteryRank;
    this.lotteryPoolSize = f.lotteryPoolSize;
  }

  get lotteryTicket(): string {
    return lotteryTicket(this.#seed, this.applicationId);
  }

  get explanation(): string {
    return explainInDistrict(this);
  }

  toJSON(): InDistrictOutcome {
    return { ...this, lotteryTicket: this.lotteryTicket, explanation: this.explanation };
  }
}

export class Reassigned implements ReassignedOutcome {
  readonly status = 'REASSIGNED';
  readonly applicationId: string;
  readonly homeDistrictId: string;
  readonly grade: number;
  readonly batch: number;
  readonly schoolId: string;
  readonly districtId: string;
  readonly distanceKm: number;
  readonly fullDistricts: readonly string[];
  readonly tier: number;
  readonly #seed: string;
  readonly lotteryRank: number;
  readonly lotteryPoolSize: number;

  constructor(f: LotteryFacts<ReassignedOutcome>) {
    this.#seed = f.seed;
    this.applicationId = f.applicationId;
    this.homeDistrictId = f.homeDistrictId;
    this.grade = f.grade;
    this.batch = f.batch;
    this.schoolId = f.schoolId;
    this.districtId = f.districtId;
    this.distanceKm = f.distanceKm;
    this.fullDistricts = f.fullDistricts;
    this.tier = f.tier;
    this.lotteryRank = f.lotteryRank;
    this.lotteryPoolSize = f.lotteryPoolSize;
  }

  get lotteryTicket(): string {
    return lotteryTicket(this.#seed, this.applicationId);
  }

  get explanation(): string {
    return explainReassigned(this);
  }

  toJSON(): ReassignedOutcome {
    return { ...this, lotteryTicket: this.lotteryTicket, explanation: this.explanation };
  }
}

export class Waitlisted implements WaitlistedOutcome {
  readonly status = 'WAITLISTED';
  readonly applicationId: string;
  readonly homeDistrictId: string;
  readonly grade: number;
  readonly batch: number;
  readonly fullDistricts: readonly string[];
  readonly tier: number;
  readonly #seed: string;
  readonly lotteryRank: number;
  readonly lotteryPoolSize: number;

  constructor(f: LotteryFacts<WaitlistedOutcome>) {
    this.#seed = f.seed;
    this.applicationId = f.applicationId;
    this.homeDistrictId = f.homeDistrictId;
    this.grade = f.grade;
    this.batch = f.batch;
    this.fullDistricts = f.fullDistricts;
    this.tier = f.tier;
    this.lotteryRank = f.lotteryRank;
    this.lotteryPoolSize = f.lotteryPoolSize;
  }

  get lotteryTicket(): string {
    return lotteryTicket(this.#seed, this.applicationId);
  }

  get explanation(): string {
    return explainWaitlisted(this);
  }

  toJSON(): WaitlistedOutcome {
    return { ...this, lotteryTicket: this.lotteryTicket, explanation: this.explanation };
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
