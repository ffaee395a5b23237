// Our ids are UUIDs in the canonical 8-4-4-4-12 hex form. Any version is accepted, as PostgreSQL's
// uuid type accepts it: an id of the right shape that names nothing is "not found", not bad input.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/**
 * How a batch of ids meets the database: `lookupKey` is the form rows are found under (lower case,
 * as PostgreSQL returns uuids), or undefined for an id that is not a UUID and so names nothing;
 * `lookupIds` is each such key once, what one `$in` query asks for. A malformed id thus answers
 * "nothing" for itself without failing the rest of the batch.
 */
export function lookupKey(id: string): string | undefined {
  return isUuid(id) ? id.toLowerCase() : undefined;
}

export function lookupIds(ids: readonly string[]): string[] {
  return [...new Set(ids.map(lookupKey).filter((k): k is string => k !== undefined))];
}
