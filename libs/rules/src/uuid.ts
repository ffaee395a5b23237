// Our ids are UUIDs in the canonical 8-4-4-4-12 hex form. Any version is accepted, as PostgreSQL's
// uuid type accepts it: an id of the right shape that names nothing is "not found", not bad input.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}
