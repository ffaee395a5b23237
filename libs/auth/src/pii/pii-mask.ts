/**
 * Display masks for children's personal data, for every reader whose scope does not allow the
 * clear value. Resident IDs use the one rule in @edugraph/rules so every service masks alike.
 */
export { maskResidentId } from '@edugraph/rules';

/** First character, then one '*' per remaining character: 张三 → 张*, 欧阳娜娜 → 欧***; one character → '*'. */
export function maskName(name: string): string {
  // Code points, not UTF-16 units: rare characters in names (e.g. 𠮷) are surrogate pairs.
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*'.repeat(chars.length);
  return chars[0] + '*'.repeat(chars.length - 1);
}

/**
 * An 11-digit mainland mobile keeps its first 3 and last 4 digits (138****5678); anything else
 * keeps only its last 4 digits, and 4 digits or fewer are masked entirely. Separators are dropped
 * so the mask does not reveal the number's formatting.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return '*'.repeat(digits.length - 4) + digits.slice(-4);
}
