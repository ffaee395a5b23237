/** The current year in Asia/Shanghai: the catalogue year a school means when it does not say. */
export function currentYearInShanghai(now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
}
