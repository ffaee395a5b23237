export * from './actor.ts';
export * from './actor-token.ts';
