import type { Kindergarten } from '../../kindergarten/index.ts';

export const recognised: Kindergarten = {
  id: 'K1', name: '育苗幼儿园', kind: 'PRIVATE', nonProfit: true, area: 'URBAN', districtCode: 'D1', places: 200, rosters: { 2026: 100 }, inclusiveYears: [2026],
};

export function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

export function code(r: { ok: boolean; error?: { code: string } }): string | undefined {
  return r.ok ? undefined : r.error?.code;
}
