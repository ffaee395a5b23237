export * from './actor.ts';
export * from './actor-header.ts';
