// SQL the policy search needs beyond the tables MikroORM builds from the entities, and the search
// query itself for each database. Ranking is the domain's (domain/policies/search.ts):
// SEARCH_WEIGHTS per word and place, ties to the policy issued last, then published last.
//
// PostgreSQL: pg_trgm and GIN trigram indexes make `ILIKE '%word%'` fast. The query is plain ILIKE,
// so it gives the same answer without the indexes (or without the extension), only slower. The
// migration that creates the policy tables must also run POSTGRESQL_SEARCH_SQL.
//
// SQLite (embedded default): an FTS5 table with the trigram tokenizer (SQLite 3.34+) finds words of
// three characters or more; shorter words (入学) are matched with LIKE. The FTS5 table is a TEMP
// table, built from the policy tables the first time a process searches or publishes and kept in
// step by the publishing transaction: a persistent FTS5 table has columns without types, which
// MikroORM's schema sync cannot read (it fails on the next start) and would drop as unknown.
import { SEARCH_WEIGHTS, containsPattern, ftsPhrase, usesTrigrams } from '../../domain/policies/index.ts';
import type { Audience } from '../../domain/policies/index.ts';

/** Run once by the migration that creates `policy` and `policy_interpretation` (idempotent). */
export const POSTGRESQL_SEARCH_SQL: string[] = [
  'create extension if not exists pg_trgm',
  'create index if not exists policy_title_trgm on policy using gin (title gin_trgm_ops)',
  'create index if not exists policy_number_trgm on policy using gin (number gin_trgm_ops)',
  'create index if not exists policy_body_trgm on policy using gin (body gin_trgm_ops)',
  'create index if not exists policy_interpretation_plain_text_trgm on policy_interpretation using gin (plain_text gin_trgm_ops)',
];

/** The searchable text of policies not yet in the FTS5 table; `{where}` narrows it to some policies. */
const SQLITE_INDEX_MISSING = `insert into temp.policy_search (policy_id, title, number, body, interpretations)
  select p.id, p.title, p.number, p.body,
    coalesce((select group_concat(i.plain_text, char(10)) from policy_interpretation i where i.policy_id = p.id), '')
  from policy p
  where p.id not in (select policy_id from temp.policy_search)`;

/** Creates the FTS5 table for this connection if it is not there, and indexes every policy not yet in it (idempotent). */
export const SQLITE_SEARCH_SQL: string[] = [
  `create virtual table if not exists temp.policy_search using fts5(policy_id unindexed, title, number, body, interpretations, tokenize = 'trigram')`,
  SQLITE_INDEX_MISSING,
];

/** Indexes one just-published policy, in its publishing transaction (parameter: the policy id). */
export const SQLITE_INDEX_POLICY_SQL = `${SQLITE_INDEX_MISSING} and p.id = ?`;

export type SearchDialect = 'postgresql' | 'sqlite';

export interface SearchQuery {
  readonly sql: string;
  readonly params: unknown[];
}

/**
 * One page of policy ids, best first, with the number of all matches (`total`) and the `rank`.
 * Every word must appear somewhere (title, number, body or an interpretation); `audience` keeps
 * policies with an interpretation for it. Without words, the newest first.
 */
export function policySearchQuery(dialect: SearchDialect, o: { terms: readonly string[]; audience: Audience | null; limit: number; offset: number }): SearchQuery {
  const like = dialect === 'postgresql' ? 'ilike' : 'like';
  const inInterpretation = `exists (select 1 from policy_interpretation i where i.policy_id = p.id and i.plain_text ${like} ? escape '\\')`;
  const where: string[] = [];
  const whereParams: unknown[] = [];
  const rank: string[] = [];
  const rankParams: unknown[] = [];
  for (const term of o.terms) {
    const pattern = containsPattern(term);
    if (dialect === 'sqlite' && usesTrigrams(term)) {
      where.push('p.id in (select policy_id from temp.policy_search where policy_search match ?)');
      whereParams.push(ftsPhrase(term));
    } else {
      // One branch per column, so that PostgreSQL can take each from its trigram index.
      where.push(
        `p.id in (select id from policy where title ${like} ? escape '\\' union select id from policy where number ${like} ? escape '\\' ` +
          `union select id from policy where body ${like} ? escape '\\' union select policy_id from policy_interpretation where plain_text ${like} ? escape '\\')`,
      );
      whereParams.push(pattern, pattern, pattern, pattern);
    }
    rank.push(
      `(case when p.title ${like} ? escape '\\' then ${SEARCH_WEIGHTS.title} else 0 end)`,
      `(case when p.number ${like} ? escape '\\' then ${SEARCH_WEIGHTS.number} else 0 end)`,
      `(case when ${inInterpretation} then ${SEARCH_WEIGHTS.interpretation} else 0 end)`,
      `(case when p.body ${like} ? escape '\\' then ${SEARCH_WEIGHTS.body} else 0 end)`,
    );
    rankParams.push(pattern, pattern, pattern, pattern);
  }
  if (o.audience !== null) {
    where.push('exists (select 1 from policy_interpretation a where a.policy_id = p.id and a.audience = ?)');
    whereParams.push(o.audience);
  }
  const sql = [
    `select p.id as id, ${rank.length > 0 ? rank.join(' + ') : '0'} as rank, count(*) over () as total`,
    'from policy p',
    where.length > 0 ? `where ${where.join(' and ')}` : '',
    'order by rank desc, p.issued_on desc nulls last, p.id desc',
    'limit ? offset ?',
  ].join(' ');
  return { sql, params: [...rankParams, ...whereParams, o.limit, o.offset] };
}
