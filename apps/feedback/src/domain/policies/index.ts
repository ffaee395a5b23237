export * from './policy.ts';
export * from './search.ts';
