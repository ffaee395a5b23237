// Overdue work raised elsewhere (a licensing matter, a bad-review case, a report's reply) lands on
// the measures board as a supervision item (督办事项) of the office concerned: one item per source
// aggregate and state, however often the event arrives.

export type ItemState = 'DUE_SOON' | 'OVERDUE';
export type ItemSource = 'LICENSING_MATTER' | 'REVIEW_CASE' | 'REPORT';

/** Names the item: the same source aggregate in the same state is the same item. */
export function itemKey(source: ItemSource, sourceId: string, state: ItemState): string {
  return `${source}:${sourceId.toLowerCase()}:${state}`;
}
