export * from './cache.port.ts';
export * from './command.guard.ts';
export * from './memory.cache.ts';
export * from './redis.cache.ts';
export * from './resilient.cache.ts';
export * from './cached-read.ts';
export * from './rate-limiter.ts';
export * from './data-versions.ts';
