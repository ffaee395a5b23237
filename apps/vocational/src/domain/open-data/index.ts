// Public API of open data: programmes as CTDL JSON-LD.
export { CTDL_CONTEXT, programmeCtid, toCtdlLearningProgram, ctdlGraph } from './ctdl.ts';
export type { CtdlProgramme, CtdlSchool, CtdlError, CtdlGraph, JsonLdNode } from './ctdl.ts';
