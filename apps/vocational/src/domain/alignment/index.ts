// Public API of alignment with the city's industries.
export { DEMO_INDUSTRIES } from './industries.ts';
export type { Industry, IndustryKind } from './industries.ts';
export { vocationalStats, ratio } from './stats.ts';
export type { StatsProgramme, ProgrammesByYear, Ratio, VocationalStats } from './stats.ts';
