import type { EntityManager } from '@mikro-orm/core';
import { catalogueOf } from '../domain/catalogue/index.ts';
import type { Catalogue, VocationalLevel } from '../domain/catalogue/index.ts';
import type { Industry, IndustryKind } from '../domain/alignment/index.ts';
import { CatalogueEntryRecord, IndustryRecord } from '../entities/catalogue.entities.ts';

/** The national catalogue as loaded here (a few thousand rows at most: read whole). */
export async function loadCatalogue(em: EntityManager): Promise<Catalogue> {
  const entries = await em.find(CatalogueEntryRecord, {}, { orderBy: { code: 'asc' } });
  return catalogueOf(entries.map((e) => ({ code: e.code, name: e.name, level: e.level as VocationalLevel, category: e.category })));
}

/** The city's industries in the order bureau staff gave them. */
export async function loadIndustries(em: EntityManager): Promise<Industry[]> {
  const rows = await em.find(IndustryRecord, {}, { orderBy: { position: 'asc' } });
  return rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind as IndustryKind }));
}

/** The request's industry table, read once however many programmes name industries. */
export function industriesLoader(em: EntityManager): { all(): Promise<Industry[]> } {
  let loading: Promise<Industry[]> | undefined;
  return { all: () => (loading ??= loadIndustries(em)) };
}
