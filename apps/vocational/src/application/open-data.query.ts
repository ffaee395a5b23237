import type { EntityManager } from '@mikro-orm/core';
import { ctdlGraph } from '../domain/open-data/index.ts';
import { Programme } from '../entities/programme.entity.ts';
import { VocationalSchool } from '../entities/vocational-school.entity.ts';
import { loadIndustries } from './reference-data.ts';

/**
 * Every published programme of every school as one CTDL JSON-LD graph (ceterms:LearningProgram),
 * named with URLs under the base the caller used. A programme that cannot be expressed (a stored
 * row with a malformed id or code) fails the whole document rather than vanish from it quietly.
 */
export async function programmesJsonLd(em: EntityManager, publicBase: string): Promise<string> {
  const [programmes, schools, industries] = await Promise.all([
    em.find(Programme, { status: 'PUBLISHED' }, { orderBy: { institutionId: 'asc', code: 'asc' } }),
    em.find(VocationalSchool, {}),
    loadIndustries(em),
  ]);
  const byId = new Map(schools.map((s) => [s.institutionId, s]));
  const items = programmes.map((p) => ({
    programme: { code: p.code, name: p.name, lengthYears: p.lengthYears, industries: p.industries },
    school: { id: p.institutionId, name: byId.get(p.institutionId)?.name ?? '' },
  }));
  const graph = ctdlGraph(items, industries, `${publicBase.replace(/\/+$/, '')}/open-data`);
  if (!graph.ok) throw new Error(`open data: ${graph.error.message}`);
  return JSON.stringify(graph.value);
}
