import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { pageById } from '@edugraph/platform';
import type { Connection } from '@edugraph/platform';
import { z } from 'zod';
import { parseInput, textInput } from '@edugraph/platform';
import type { CalendarDate } from '@edugraph/rules';
import { UnlicensedCaseRow } from '../entities/planning.entities.ts';
import { toCaseView } from './unlicensed-case.view.ts';
import type { UnlicensedCaseView } from './unlicensed-case.view.ts';

const filterInput = z
  .object({
    districtCode: textInput({ max: 40, form: 'NFKC' }).nullish(),
    state: z.enum(['OPEN', 'RECTIFYING', 'PASSED', 'LICENSED', 'CLOSING', 'CLOSED']).nullish(),
  })
  .nullish();
export type UnlicensedCaseFilter = z.input<typeof filterInput>;

/** Cases by district and state, oldest first. */
export async function unlicensedCases(
  em: EntityManager,
  today: CalendarDate,
  args: { filter?: UnlicensedCaseFilter; first?: number | null; after?: string | null },
): Promise<Connection<UnlicensedCaseView>> {
  const f = parseInput(filterInput, args.filter) ?? {};
  const where: FilterQuery<UnlicensedCaseRow> = { ...(f.districtCode ? { districtCode: f.districtCode } : {}), ...(f.state ? { state: f.state } : {}) };
  return pageById(
    () => em.count(UnlicensedCaseRow, where),
    (w, limit) => em.find(UnlicensedCaseRow, { ...where, ...w } as FilterQuery<UnlicensedCaseRow>, { orderBy: { id: 'asc' }, limit }),
    (r) => toCaseView(r, today),
    args,
  );
}
