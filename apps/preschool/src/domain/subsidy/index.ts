// Public API of the inclusive-kindergarten subsidy: rates (data), the ledger and its steps.
export { DEFAULT_SUBSIDY_RATES, subsidyRate, changeRate } from './rates.ts';
export type { SubsidyRate, RateRefusal } from './rates.ts';
export { ENTRY_KINDS, entriesFor, ledgerTotals, subsidyStatus } from './ledger.ts';
export type { EntryKind, SubsidyEntry, SubsidyKey, LedgerTotals, SubsidyStatus } from './ledger.ts';
export { SUBSIDY_EVENTS, computeSubsidy, approveSubsidy, disburseSubsidy, recordRecovery } from './commands.ts';
export type { SubsidyRefusal, Approval, Payment } from './commands.ts';
