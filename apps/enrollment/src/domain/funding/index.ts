// Public API of funding that follows the student: the yearly rates (data) and the ledger rules.
export { DEFAULT_FUNDING_RATES, fundingRate } from './rates.ts';
export type { FundingRate } from './rates.ts';
export { enrolmentEntry, transferEntries, fundingLocation, ledgerBalance, checkSchoolBalance } from './ledger.ts';
export type { LedgerEntry, LedgerKind, FundingRefusal, EnrolmentFunding, Transfer, BalanceCheck } from './ledger.ts';
