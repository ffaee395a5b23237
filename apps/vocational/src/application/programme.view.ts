import type { Programme } from '../entities/programme.entity.ts';

export interface ProgrammeView {
  id: string;
  code: string;
  name: string;
  lengthYears: number;
  annualIntake: number;
  featured: boolean;
}

export function toProgrammeView(p: Programme): ProgrammeView {
  return { id: p.id, code: p.code, name: p.name, lengthYears: p.lengthYears, annualIntake: p.annualIntake, featured: p.featured };
}
