// Public surface of the placement engine (随迁子女 placement). Everything else is internal.
export { placeApplications, placeLate } from './placement-engine.ts';
export { lotteryTicket } from './lottery.ts';
export { DEFAULT_DOCUMENT_REQUIREMENTS, unmetDocumentRequirements } from './documents.ts';
export { compileTierOf } from './priority.ts';
export { PlacementInputError } from './city-index.ts';
export type * from './types.ts';
