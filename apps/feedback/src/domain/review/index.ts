// Public API of 好差评: levels, the policy, service items, bad-review cases, appeals, figures.
export * from './levels.ts';
export * from './policy.ts';
export * from './service-items.ts';
export * from './period.ts';
export * from './bad-review-case.ts';
export * from './appeal.ts';
export * from './figures.ts';
