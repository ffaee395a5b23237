import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import type { Actor } from '@edugraph/auth';
import { requireRole } from '@edugraph/platform';
import { formatYuan, lookupIds } from '@edugraph/rules';
import { Kindergarten } from '../entities/kindergarten.entity.ts';
import { SubsidyEntry } from '../entities/subsidy.entities.ts';
import { effectiveRates, toEntryView, toLedgerEntry, toSubsidyView, toTotalsView } from './subsidy.view.ts';
import type { LedgerEntryView, SubsidyRateView, SubsidyView, TotalsView } from './subsidy.view.ts';

export interface SubsidyLedgerView extends TotalsView {
  schoolYear: number;
  rate: SubsidyRateView | null;
  kindergartens: (SubsidyView & { name: string; districtCode: string })[];
  entries: LedgerEntryView[];
  entryCount: number;
}

/**
 * A school year's whole subsidy ledger: every entry, each kindergarten's line, and the totals, summed
 * exactly in fen (BigInt inside sumFen). The totals equal the sum of the lines by construction; the
 * bureau and the city leadership read it.
 */
export async function subsidyLedger(em: EntityManager, actor: Actor, schoolYear: number): Promise<SubsidyLedgerView> {
  requireRole(actor, ['BUREAU_STAFF', 'LEADERSHIP'], 'read the subsidy ledger');
  const rows = await em.find(SubsidyEntry, { schoolYear }, { orderBy: { kindergartenId: 'asc', seq: 'asc' } });
  const entries = rows.map(toLedgerEntry);
  const ids = [...new Set(entries.map((e) => e.kindergartenId))];
  const kindergartens = new Map((ids.length ? await em.find(Kindergarten, { institutionId: { $in: ids } }) : []).map((k) => [k.institutionId, k]));
  const rate = (await effectiveRates(em)).find((r) => r.schoolYear === schoolYear);
  return {
    schoolYear,
    rate: rate ? { schoolYear, perChildFen: rate.perChildFen, perChildYuan: formatYuan(rate.perChildFen), basis: rate.basis } : null,
    ...toTotalsView(entries),
    kindergartens: ids.map((id) => ({
      ...toSubsidyView({ kindergartenId: id, schoolYear }, entries.filter((e) => e.kindergartenId === id)),
      name: kindergartens.get(id)?.name ?? '',
      districtCode: kindergartens.get(id)?.districtCode ?? '',
    })),
    entries: entries.map(toEntryView),
    entryCount: entries.length,
  };
}

/** Key of the subsidy loader: `<kindergartenId>|<schoolYear>`. */
export const subsidyKey = (kindergartenId: string, schoolYear: number) => `${kindergartenId}|${schoolYear}`;

/** The subsidies behind `Kindergarten.subsidy(schoolYear)` for a whole request, in one query. */
export function subsidyLoader(em: EntityManager): DataLoader<string, SubsidyView> {
  return new DataLoader(async (keys) => {
    const parsed = keys.map((k) => {
      const [kindergartenId = '', year = ''] = k.split('|');
      return { kindergartenId, schoolYear: Number(year) };
    });
    const ids = lookupIds(parsed.map((p) => p.kindergartenId));
    const years = [...new Set(parsed.map((p) => p.schoolYear))];
    const rows = ids.length ? await em.find(SubsidyEntry, { kindergartenId: { $in: ids }, schoolYear: { $in: years } }, { orderBy: { seq: 'asc' } }) : [];
    const entries = rows.map(toLedgerEntry);
    return parsed.map((p) => toSubsidyView(p, entries.filter((e) => e.kindergartenId === p.kindergartenId && e.schoolYear === p.schoolYear)));
  });
}
