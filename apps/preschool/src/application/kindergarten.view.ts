import type { Kindergarten as DomainKindergarten, KindergartenKind, RegisteredKind } from '../domain/index.ts';
import type { Kindergarten, StoredRecognition, StoredRosterRecord } from '../entities/kindergarten.entity.ts';

export interface KindergartenView {
  institutionId: string;
  name: string;
  districtCode: string;
  places: number;
  enrolled: number;
  /** Stored flag; the GraphQL field is derived for the current school year (see subsidy.resolver.ts). */
  inclusive: boolean;
  registeredKind: RegisteredKind;
  area: 'URBAN' | 'RURAL' | null;
  nonProfit: boolean | null;
  monthlyFeeFen: number | null;
  rosters: { schoolYear: number; enrolled: number; recordedBy: string; recordedOn: string }[];
  recognitions: StoredRecognition[];
  /** The domain's view of the same row, for kindInYear / isInclusiveIn. */
  state: DomainKindergarten;
}

export const registeredKindOf = (k: Pick<Kindergarten, 'ownership'>): RegisteredKind => (k.ownership === 'PUBLIC' ? 'PUBLIC' : 'PRIVATE');

export function rosterRecordsOf(k: Pick<Kindergarten, 'rosters'>): Record<string, StoredRosterRecord> {
  return k.rosters ?? {};
}

/**
 * The row as the domain sees it. Area and non-profit status are null until bureau staff set the
 * profile; the domain needs values, so they read URBAN / false here, and the recognition use case
 * refuses with PROFILE_NOT_SET before it ever asks the domain about a kindergarten without a profile.
 */
export function toDomainKindergarten(k: Kindergarten): DomainKindergarten {
  const rosters: Record<number, number> = {};
  for (const [year, record] of Object.entries(rosterRecordsOf(k))) rosters[Number(year)] = record.enrolled;
  return {
    id: k.institutionId,
    name: k.name,
    kind: registeredKindOf(k),
    nonProfit: k.nonProfit ?? false,
    area: k.area === 'RURAL' ? 'RURAL' : 'URBAN',
    districtCode: k.districtCode,
    places: k.places,
    rosters,
    inclusiveYears: (k.recognitions ?? []).map((r) => r.schoolYear).sort((a, b) => a - b),
  };
}

export function toKindergartenView(k: Kindergarten): KindergartenView {
  return {
    institutionId: k.institutionId,
    name: k.name,
    districtCode: k.districtCode,
    places: k.places,
    enrolled: k.enrolled,
    inclusive: k.inclusive,
    registeredKind: registeredKindOf(k),
    area: k.area === 'URBAN' || k.area === 'RURAL' ? k.area : null,
    nonProfit: k.nonProfit ?? null,
    monthlyFeeFen: k.monthlyFeeFen ?? null,
    rosters: Object.entries(rosterRecordsOf(k))
      .map(([year, r]) => ({ schoolYear: Number(year), ...r }))
      .sort((a, b) => a.schoolYear - b.schoolYear),
    recognitions: [...(k.recognitions ?? [])].sort((a, b) => a.schoolYear - b.schoolYear),
    state: toDomainKindergarten(k),
  };
}

export type { KindergartenKind };
