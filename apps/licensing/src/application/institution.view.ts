import type { InstitutionLevel, Ownership } from '@edugraph/contracts';
import type { Institution } from '../entities/institution.entity.ts';

/** The registry's public view of an institution: plain data, safe to cache and to return. */
export interface InstitutionView {
  id: string;
  name: string;
  level: InstitutionLevel;
  ownership: Ownership;
  districtCode: string;
  address: string | null;
  creditCode: string | null;
  licence: { number: string; status: string; issuedOn: string | null } | null;
  category: string | null;
  status: string;
  registeredAt: string;
}

export function toInstitutionView(i: Institution): InstitutionView {
  return {
    id: i.id,
    name: i.name,
    level: i.level as InstitutionLevel,
    ownership: i.ownership as Ownership,
    districtCode: i.districtCode,
    address: i.address ?? null,
    creditCode: i.creditCode ?? null,
    licence: i.licenceNumber ? { number: i.licenceNumber, status: i.licenceStatus ?? 'VALID', issuedOn: i.licenceIssuedOn ?? null } : null,
    category: i.category ?? null,
    status: i.status ?? 'ACTIVE',
    registeredAt: i.createdAt.toISOString(),
  };
}
