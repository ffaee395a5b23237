// The national catalogue as data, and the check every programme code passes before a school may
// publish it: the right shape, the school's level, and either in the catalogue or approved outside
// it (目录外专业, set up with the education authority's approval: the approval's reference is kept).
import { fail, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import { levelOfCode } from './levels.ts';
import type { VocationalLevel } from './levels.ts';

export interface CatalogueEntry {
  readonly code: string;
  readonly name: string;
  readonly level: VocationalLevel;
  /** Two-digit major category, always the first two digits of the code. */
  readonly category: string;
}

/** Catalogue entries by code. */
export type Catalogue = ReadonlyMap<string, CatalogueEntry>;

export function catalogueOf(entries: Iterable<CatalogueEntry>): Catalogue {
  const map = new Map<string, CatalogueEntry>();
  for (const entry of entries) map.set(entry.code, entry);
  return map;
}

export type CatalogueCodeError = 'INVALID_CODE' | 'WRONG_LEVEL' | 'UNKNOWN_CATALOGUE_CODE';

export interface CatalogueCodeOptions {
  /** The school's level: a code of another level is WRONG_LEVEL. Omitted: any level passes. */
  readonly schoolLevel?: VocationalLevel;
  /** An approval to run a programme outside the catalogue; its reference must not be blank. */
  readonly approvedOutOfCatalogue?: { readonly reference: string };
}

export interface CheckedCode {
  readonly code: string;
  readonly level: VocationalLevel;
  /** The catalogue's entry, or null for an approved out-of-catalogue programme. */
  readonly entry: CatalogueEntry | null;
  readonly outOfCatalogueReference: string | null;
}

/**
 * Order of the checks: shape (INVALID_CODE, also for a category no level has), then the school's
 * level (WRONG_LEVEL), then membership (UNKNOWN_CATALOGUE_CODE unless an approval is given). An
 * approval never rescues a malformed code or one of the wrong level.
 */
export function checkCatalogueCode(
  code: string,
  catalogue: Catalogue,
  options: CatalogueCodeOptions = {},
): Result<CheckedCode, CatalogueCodeError> {
  const level = levelOfCode(code);
  if (level === null) {
    return fail('INVALID_CODE', `code must be a six-digit catalogue code whose first two digits are 21–39, 41–59 or 61–79 (got "${String(code)}")`);
  }
  if (options.schoolLevel !== undefined && level !== options.schoolLevel) {
    return fail('WRONG_LEVEL', `code ${code} is a ${level} programme; this school offers ${options.schoolLevel} programmes`, {
      level,
      schoolLevel: options.schoolLevel,
    });
  }
  const entry = catalogue.get(code);
  if (entry) return ok({ code, level, entry, outOfCatalogueReference: null });
  const reference = options.approvedOutOfCatalogue?.reference.trim() ?? '';
  if (reference !== '') return ok({ code, level, entry: null, outOfCatalogueReference: reference });
  return fail('UNKNOWN_CATALOGUE_CODE', `code ${code} is not in the national catalogue and no out-of-catalogue approval was given`);
}
