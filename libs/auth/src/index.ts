export * from './actor.ts';
export * from './actor-token.ts';
export * from './pii/index.ts';
