// Public API of 督促落实: measures, their policy, the board and supervision items.
export * from './measure-policy.ts';
export * from './measure.ts';
export * from './board.ts';
export * from './supervision-item.ts';
