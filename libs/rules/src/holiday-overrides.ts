// Holiday arrangements for years the chinese-days package does not know yet (or gets wrong).
// An entry here replaces the package's data for that whole year, so it must be complete.
//
// Format, per year: `holidays` lists every day off for a public holiday, including those that fall
// on a weekend; `workdays` lists the weekend days that are made working days (调休上班).
// `source` cites the State Council General Office notice (国务院办公厅关于 YYYY 年部分节假日安排的通知).
//
// State of this table: chinese-days 1.5.7 carries 2004-2026, and its 2026 data matches the notice
// of 4 Nov 2025 (https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm) day for day, as
// working-day-calendar.spec.ts asserts, so nothing is overridden. 2027 must be added here from
// its notice as soon as it is published (usually in November of the year before).

export interface YearArrangement {
  readonly holidays: readonly string[];
  readonly workdays: readonly string[];
  readonly source: string;
}

export type HolidayOverrides = Readonly<Record<number, YearArrangement>>;

export const HOLIDAY_OVERRIDES: HolidayOverrides = {};
