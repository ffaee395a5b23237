// Public API of service standards and training (统一服务标准、业务培训).
export * from './standard.ts';
export * from './roster.ts';
export * from './training.ts';
