import type { Programme } from '../entities/programme.entity.ts';
import type { Programme as DomainProgramme } from '../domain/sync/index.ts';

export interface ProgrammeView {
  id: string;
  institutionId: string;
  code: string;
  name: string;
  level: string;
  lengthYears: number;
  annualIntake: number;
  enrolled: number;
  applicants: number;
  featured: boolean;
  partnerEnterprises: { name: string; creditCode: string }[];
  /** Industry codes; the resolver names them from the city's table. */
  industryCodes: string[];
  outOfCatalogueReference: string | null;
  year: number;
}

export function toProgrammeView(p: Programme): ProgrammeView {
  return {
    id: p.id,
    institutionId: p.institutionId,
    code: p.code,
    name: p.name,
    level: p.level,
    lengthYears: p.lengthYears,
    annualIntake: p.annualIntake,
    enrolled: p.enrolled,
    applicants: p.applicants,
    featured: p.featured,
    partnerEnterprises: p.partnerEnterprises,
    industryCodes: p.industries,
    outOfCatalogueReference: p.outOfCatalogueReference ?? null,
    year: p.year,
  };
}

/** The stored programme as the sync domain compares it. */
export function toDomainProgramme(p: Programme): DomainProgramme {
  return {
    code: p.code,
    name: p.name,
    lengthYears: p.lengthYears,
    annualIntake: p.annualIntake,
    enrolled: p.enrolled,
    applicants: p.applicants,
    featured: p.featured,
    partnerEnterprises: p.partnerEnterprises,
    industries: p.industries,
    outOfCatalogueReference: p.outOfCatalogueReference ?? null,
  };
}
