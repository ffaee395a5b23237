// Cell text → the value sent in a snapshot row. A cell that cannot be read is never a reason to
// drop its row: it is sent as null (or as written) and the server refuses that row alone.
import type { PartnerEnterpriseInput } from './snapshot-types.ts';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** "12" → 12, "12.5" → 12.5 (the server refuses non-integers per row), "" or "abc" → null. */
export function numberCell(text: string): number | null {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : null;
}

const YES = new Set(['是', 'true', '1', 'y', 'yes']);
const NO = new Set(['否', 'false', '0', 'n', 'no', '']);

/** 是/否, true/false, 1/0, y/n, yes/no (any case); empty → false; anything else → null. */
export function featuredCell(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return null;
}

const LIST_SEPARATOR = /[;；]/;

/** `name|creditCode` items separated by `;` or `；`; an item without `|` keeps an empty credit code. */
export function partnersCell(text: string): PartnerEnterpriseInput[] {
  return text
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      const bar = item.search(/[|｜]/);
      if (bar < 0) return { name: item, creditCode: '' };
      return { name: item.slice(0, bar).trim(), creditCode: item.slice(bar + 1).trim() };
    });
}

/** Industry codes separated by `;`, `；` or spaces; an empty cell clears the alignment ([]). */
export function industriesCell(text: string): string[] {
  return text
    .split(/[;；\s]+/)
    .map((code) => code.trim())
    .filter((code) => code !== '');
}
