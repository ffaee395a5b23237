export * from './database-url.ts';
export * from './database.ts';
export * from './base.entity.ts';
export * from './errors.ts';
