// The inclusive subsidy's steps as use cases: load the kindergarten and its ledger, let the domain
// decide (domain/subsidy), append the new entries and queue their events in one transaction.
import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { emitEvent } from '@edugraph/events';
import type { EventType } from '@edugraph/contracts';
import { idInput, parseInput, requireRole, textInput } from '@edugraph/platform';
import { fen, formatYuan } from '@edugraph/rules';
import type { Fen } from '@edugraph/rules';
import { approveSubsidy as approveRule, changeRate, computeSubsidy as computeRule, disburseSubsidy, recordRecovery } from '../domain/index.ts';
import type { DomainEvent, SubsidyEntry as LedgerEntry, SubsidyKey } from '../domain/index.ts';
import type { Kindergarten } from '../entities/kindergarten.entity.ts';
import { SubsidyEntry, SubsidyRateRow } from '../entities/subsidy.entities.ts';
import { inTransaction, loadKindergarten, refusal, requireFinanceAudit } from './subsidy-context.ts';
import type { PreschoolContext } from './subsidy-context.ts';
import { rosterRecordsOf, toDomainKindergarten } from './kindergarten.view.ts';
import { effectiveRates, toLedgerEntry, toSubsidyView } from './subsidy.view.ts';
import type { SubsidyRateView, SubsidyView } from './subsidy.view.ts';

const keyInput = z.object({ kindergartenId: idInput(), schoolYear: z.number().int().min(2000).max(2100) });

async function entriesOf(tx: EntityManager, key: SubsidyKey): Promise<SubsidyEntry[]> {
  return tx.find(SubsidyEntry, { kindergartenId: key.kindergartenId, schoolYear: key.schoolYear }, { orderBy: { seq: 'asc' } });
}

/**
 * Loads, decides, appends. `decide` gets the key's ledger and returns the ledger with new entries
 * (or a refusal); the new entries get the next `seq` numbers, so two steps at once conflict.
 */
async function ledgerStep(
  ctx: PreschoolContext,
  raw: unknown,
  decide: (o: { tx: EntityManager; k: Kindergarten; key: SubsidyKey; ledger: LedgerEntry[] }) => Promise<ReturnType<typeof approveRule>>,
  extra: (o: { k: Kindergarten; key: SubsidyKey; event: DomainEvent }) => Record<string, unknown> = () => ({}),
): Promise<SubsidyView> {
  const key = parseInput(keyInput, raw);
  return inTransaction(ctx, async (tx) => {
    const k = await loadKindergarten(tx, key.kindergartenId);
    const rows = await entriesOf(tx, key);
    const ledger = rows.map(toLedgerEntry);
    const result = await decide({ tx, k, key, ledger });
    if (!result.ok) throw refusal(result.error);
    const added = result.value.state.filter((e) => e.kindergartenId === key.kindergartenId && e.schoolYear === key.schoolYear).slice(ledger.length);
    for (const [i, e] of added.entries()) {
      rows.push(
        tx.create(SubsidyEntry, {
          kindergartenId: key.kindergartenId,
          schoolYear: key.schoolYear,
          seq: ledger.length + i,
          kind: e.kind,
          amountFen: e.amountFen,
          on: e.on,
          enrolled: e.enrolled ?? null,
          rateFen: e.rateFen ?? null,
          voucherNo: e.voucherNo ?? null,
          recordedBy: ctx.actor.id,
        }),
      );
    }
    for (const event of result.value.events) {
      emitEvent(tx, {
        type: event.type as EventType,
        aggregateType: 'Subsidy',
        aggregateId: key.kindergartenId,
        actor: ctx.actor,
        correlationId: ctx.correlationId,
        payload: { ...event.payload, ...extra({ k, key, event }) } as never,
      });
    }
    await tx.flush();
    return toSubsidyView(key, rows.map(toLedgerEntry));
  });
}

/**
 * Bureau staff compute a recognised kindergarten's subsidy for a school year: enrolled × the year's
 * rate. Computing again after a roster correction posts the difference as an ADJUSTMENT (history is
 * never edited); the same amount again is UNCHANGED. Emits preschool.subsidy.computed.
 */
export async function computeSubsidy(ctx: PreschoolContext, raw: { kindergartenId: string; schoolYear: number }): Promise<SubsidyView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'compute an inclusive subsidy');
  return ledgerStep(ctx, raw, async ({ tx, k, key, ledger }) => computeRule(ledger, toDomainKindergarten(k), key.schoolYear, await effectiveRates(tx), ctx.today));
}

/** 财审科 approves the computed amount (after a recomputation: the difference). Emits preschool.subsidy.approved. */
export async function approveSubsidy(ctx: PreschoolContext, raw: { kindergartenId: string; schoolYear: number }): Promise<SubsidyView> {
  requireFinanceAudit(ctx.actor, 'approve an inclusive subsidy');
  return ledgerStep(ctx, raw, async ({ key, ledger }) => approveRule(ledger, key, { on: ctx.today, by: ctx.actor.id }));
}

const paymentInput = z.object({ amountFen: z.number().int().positive(), voucherNo: textInput({ min: 1, max: 60, form: 'NFKC' }) });

/** A voucher number is unique on the whole ledger: the other kindergartens' entry with it, if any. */
async function voucherHolders(tx: EntityManager, voucherNo: string): Promise<LedgerEntry[]> {
  return (await tx.find(SubsidyEntry, { voucherNo }, { limit: 1 })).map(toLedgerEntry);
}

/**
 * 财审科 records the city finance bureau's payment (the bureau has no account here): exactly the
 * approved unpaid amount, under the bureau's voucher number (凭证号). Emits preschool.subsidy.disbursed,
 * which invites a rating from the person who recorded the year's roster (applicantId).
 */
export async function recordDisbursement(
  ctx: PreschoolContext,
  raw: { kindergartenId: string; schoolYear: number; amountFen: number; voucherNo: string },
): Promise<SubsidyView> {
  requireFinanceAudit(ctx.actor, 'record a subsidy disbursement');
  const payment = parseInput(paymentInput, { amountFen: raw.amountFen, voucherNo: raw.voucherNo });
  return ledgerStep(
    ctx,
    { kindergartenId: raw.kindergartenId, schoolYear: raw.schoolYear },
    async ({ tx, key, ledger }) => disburseSubsidy([...ledger, ...(await voucherHolders(tx, payment.voucherNo))], key, { amountFen: fen(payment.amountFen), voucherNo: payment.voucherNo, on: ctx.today }),
    ({ k, key }) => ({ institutionId: k.institutionId, applicantId: rosterRecordsOf(k)[String(key.schoolYear)]?.recordedBy ?? ctx.actor.id }),
  );
}

/** 财审科 records money paid back after a roster went down below what was paid. Emits preschool.subsidy.recovered. */
export async function recordSubsidyRecovery(
  ctx: PreschoolContext,
  raw: { kindergartenId: string; schoolYear: number; amountFen: number; voucherNo: string },
): Promise<SubsidyView> {
  requireFinanceAudit(ctx.actor, 'record a subsidy recovery');
  const payment = parseInput(paymentInput, { amountFen: raw.amountFen, voucherNo: raw.voucherNo });
  return ledgerStep(ctx, { kindergartenId: raw.kindergartenId, schoolYear: raw.schoolYear }, async ({ tx, key, ledger }) =>
    recordRecovery([...ledger, ...(await voucherHolders(tx, payment.voucherNo))], key, { amountFen: fen(payment.amountFen), voucherNo: payment.voucherNo, on: ctx.today }),
  );
}

const rateInput = z.object({
  schoolYear: z.number().int().min(2000).max(2100),
  perChildFen: z.number().int().nonnegative().max(100_000_000),
  basis: textInput({ min: 1, max: 2000, multiline: true }),
});

/**
 * 财审科 sets a school year's per-child rate (data with its basis). Once any subsidy of the year is
 * disbursed its amount is locked (RATE_LOCKED); rewording the basis stays allowed. Emits
 * preschool.subsidy.rate-set when the amount changes.
 */
export async function setSubsidyRate(ctx: PreschoolContext, raw: { schoolYear: number; perChildFen: number; basis: string }): Promise<SubsidyRateView> {
  requireFinanceAudit(ctx.actor, 'set the inclusive subsidy rate');
  const input = parseInput(rateInput, raw);
  return inTransaction(ctx, async (tx) => {
    const rates = await effectiveRates(tx);
    const disbursed = (await tx.find(SubsidyEntry, { schoolYear: input.schoolYear, kind: 'DISBURSED' }, { limit: 1 })).map(toLedgerEntry);
    const previous = rates.find((r) => r.schoolYear === input.schoolYear);
    const result = changeRate(rates, disbursed, { schoolYear: input.schoolYear, perChildFen: fen(input.perChildFen), basis: input.basis });
    if (!result.ok) throw refusal(result.error);
    const row = await tx.findOne(SubsidyRateRow, { schoolYear: input.schoolYear });
    if (row) {
      row.perChildFen = input.perChildFen;
      row.basis = input.basis;
      row.setBy = ctx.actor.id;
      row.setOn = ctx.today;
    } else {
      tx.create(SubsidyRateRow, { schoolYear: input.schoolYear, perChildFen: input.perChildFen, basis: input.basis, setBy: ctx.actor.id, setOn: ctx.today });
    }
    if (previous?.perChildFen !== input.perChildFen) {
      emitEvent(tx, {
        type: 'preschool.subsidy.rate-set',
        aggregateType: 'SubsidyRate',
        aggregateId: String(input.schoolYear),
        actor: ctx.actor,
        correlationId: ctx.correlationId,
        payload: { schoolYear: input.schoolYear, perChildFen: input.perChildFen, previousFen: previous?.perChildFen ?? null },
      });
    }
    await tx.flush();
    return { schoolYear: input.schoolYear, perChildFen: input.perChildFen as Fen, perChildYuan: formatYuan(fen(input.perChildFen)), basis: input.basis };
  });
}

