// Searching published policies: what a search text means, and how matches are ranked. No I/O: the
// application turns this into SQL for PostgreSQL (pg_trgm) or SQLite (FTS5 trigram).
import { checkText, fail, normaliseText, ok } from '@edugraph/rules';
import type { Result } from '@edugraph/rules';

/** Longest search text, in characters: longer is refused before any query runs. */
export const MAX_SEARCH_LENGTH = 200;
/** At most this many words (separated by spaces); each must match. */
export const MAX_SEARCH_TERMS = 8;
/** Shortest word a trigram index can find (three characters); shorter words are matched by a plain scan. */
export const TRIGRAM_LENGTH = 3;

/**
 * How much a match of one search word weighs, by where it is found (data). A policy's rank is the
 * sum over the search words of the weights of every place the word appears: the title (or the
 * document number) weighs most, a plain-language interpretation next, the body least. Ties go to the
 * policy issued last, then to the one published last.
 */
export const SEARCH_WEIGHTS = { title: 10, number: 10, interpretation: 3, body: 1 } as const;

export interface SearchTerms {
  /** The words, normalised as stored text is (NFC, one space between words), without repeats. */
  readonly terms: readonly string[];
}

/**
 * A caller's search text as words, normalised as the published text was (NFC). Blank is no search
 * (null: newest first).
 */
export function parseSearch(raw: string | null | undefined): Result<SearchTerms | null, 'BAD_USER_INPUT'> {
  if (raw == null) return ok(null);
  const length = [...raw].length;
  if (length > MAX_SEARCH_LENGTH) {
    return fail('BAD_USER_INPUT', `topic may be at most ${MAX_SEARCH_LENGTH} characters (got ${length}): search for a few words of the policy.`, { field: 'topic', max: MAX_SEARCH_LENGTH });
  }
  const checked = checkText(normaliseText(raw), { max: MAX_SEARCH_LENGTH });
  if (!checked.ok) return fail('BAD_USER_INPUT', `topic ${checked.error.message}.`, { field: 'topic' });
  if (checked.value === '') return ok(null);
  const terms = [...new Set(checked.value.split(' ').filter((t) => t !== ''))];
  if (terms.length > MAX_SEARCH_TERMS) {
    return fail('BAD_USER_INPUT', `topic may have at most ${MAX_SEARCH_TERMS} words (got ${terms.length}).`, { field: 'topic', max: MAX_SEARCH_TERMS });
  }
  return ok({ terms });
}

/** Whether a word is long enough for the trigram index (else it is matched by a plain scan). */
export function usesTrigrams(term: string): boolean {
  return [...term].length >= TRIGRAM_LENGTH;
}

/** A LIKE pattern matching `term` anywhere, with \ as the escape character. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A quoted FTS5 string: the word as one phrase, quotes doubled. */
export function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}
