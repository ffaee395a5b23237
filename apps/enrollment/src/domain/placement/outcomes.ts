import { explainIneligible, explainInDistrict, explainReassigned, explainWaitlisted } from './explanation.ts';
import type { InDistrictOutcome, IneligibleOutcome, ReassignedOutcome, UnmetRequirement, WaitlistedOutcome } from './types.ts';

// Outcomes are small classes for one reason: `explanation` is a getter, so the sentence is
// written when someone reads it instead of for every child up front. At province scale the
// eager sentences cost more than the whole placement (measured: ~1 s of string building and
// garbage collection per 100,000 children). toJSON puts the sentence into published JSON.
// Every other field is plain data, and the sentence is derived from those fields only.

type Facts<T> = Omit<T, 'status' | 'explanation'>;

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
  readonly lotteryTicket: string;
  readonly lotteryRank: number;
  readonly lotteryPoolSize: number;

  constructor(f: Facts<InDistrictOutcome>) {
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
    this.lotteryTicket = f.lotteryTicket;
    this.lotteryRank = f.lotteryRank;
    this.lotteryPoolSize = f.lotteryPoolSize;
  }

  get explanation(): string {
    return explainInDistrict(this);
  }

  toJSON(): InDistrictOutcome {
    return { ...this, explanation: this.explanation };
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
  readonly lotteryTicket: string;
  readonly lotteryRank: number;
  readonly lotteryPoolSize: number;

  constructor(f: Facts<ReassignedOutcome>) {
    this.applicationId = f.applicationId;
    this.homeDistrictId = f.homeDistrictId;
    this.grade = f.grade;
    this.batch = f.batch;
    this.schoolId = f.schoolId;
    this.districtId = f.districtId;
    this.distanceKm = f.distanceKm;
    this.fullDistricts = f.fullDistricts;
    this.tier = f.tier;
    this.lotteryTicket = f.lotteryTicket;
    this.lotteryRank = f.lotteryRank;
    this.lotteryPoolSize = f.lotteryPoolSize;
  }

  get explanation(): string {
    return explainReassigned(this);
  }

  toJSON(): ReassignedOutcome {
    return { ...this, explanation: this.explanation };
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
  readonly lotteryTicket: string;
  readonly lotteryRank: number;
  readonly lotteryPoolSize: number;

  constructor(f: Facts<WaitlistedOutcome>) {
    this.applicationId = f.applicationId;
    this.homeDistrictId = f.homeDistrictId;
    this.grade = f.grade;
    this.batch = f.batch;
    this.fullDistricts = f.fullDistricts;
    this.tier = f.tier;
    this.lotteryTicket = f.lotteryTicket;
    this.lotteryRank = f.lotteryRank;
    this.lotteryPoolSize = f.lotteryPoolSize;
  }

  get explanation(): string {
    return explainWaitlisted(this);
  }

  toJSON(): WaitlistedOutcome {
    return { ...this, explanation: this.explanation };
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
