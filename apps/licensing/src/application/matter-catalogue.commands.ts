import { z } from 'zod';
import { emitEvent } from '@edugraph/events';
import { AppError, optionalTextInput, parseInput, requireRole, textInput } from '@edugraph/platform';
import { MATTER_TYPE_CODES, serviceItems, validateHolidayArrangement } from '../domain/matter/index.ts';
import type { ListKind, MatterType } from '../domain/matter/index.ts';
import { HolidayArrangement } from '../entities/holiday-arrangement.entity.ts';
import { MatterTypeSetting } from '../entities/matter-type-setting.entity.ts';
import { Matter } from '../entities/matter.entity.ts';
import { loadCatalogue } from './matter-catalogue.ts';
import type { Catalogue } from './matter-catalogue.ts';
import type { MatterUseCaseContext } from './matter-change.ts';
import { saveState } from './matter-change.ts';
import { stateOf } from './matter.view.ts';

const requirementsInput = z.object({
  type: z.enum(MATTER_TYPE_CODES),
  authority: z.enum(['APPROVAL_BUREAU', 'EDUCATION_BUREAU']).nullish(),
  materials: z
    .array(
      z.object({
        code: z.string().regex(/^[A-Z][A-Z0-9_]{1,59}$/, 'must be an upper-case code such as STUDENT_PLACEMENT_PLAN'),
        name: textInput({ max: 200 }),
        nameEn: optionalTextInput({ max: 200 }),
        key: z.boolean(),
        shortfallAllowed: z.boolean(),
      }),
    )
    .min(1, 'must list at least one material')
    .max(60),
});

export interface MatterTypeSettingView {
  type: MatterType;
  updatedAt: string | null;
}

/**
 * Bureau staff set a type's materials (and who decides it): data, so another city changes it
 * without code. A key material is never one 容缺 may leave out; codes are unique. Matters already
 * submitted keep being judged by the list as it is now (materials are checked at each step).
 */
export async function setMatterRequirements(ctx: MatterUseCaseContext, raw: z.input<typeof requirementsInput>): Promise<MatterTypeSettingView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'set matter requirements');
  const input = parseInput(requirementsInput, raw);
  const problems: string[] = [];
  const codes = input.materials.map((m) => m.code);
  const twice = codes.filter((c, i) => codes.indexOf(c) !== i);
  if (twice.length) problems.push(`materials list ${[...new Set(twice)].join(', ')} more than once`);
  for (const m of input.materials) if (m.key && m.shortfallAllowed) problems.push(`${m.code} is key, so 容缺 may not leave it out (shortfallAllowed must be false)`);
  if (problems.length) throw new AppError('BAD_USER_INPUT', `${problems.join('; ')}.`, { problems });
  return ctx.em.fork().transactional(async (tx) => {
    const existing = await tx.findOne(MatterTypeSetting, { typeCode: input.type });
    const authority = input.authority ?? existing?.authority ?? (await loadCatalogue(tx)).types[input.type].authority;
    const setting = existing ?? tx.create(MatterTypeSetting, { typeCode: input.type, materials: [], authority, updatedBy: ctx.actor.id });
    setting.materials = input.materials;
    setting.authority = authority;
    setting.updatedBy = ctx.actor.id;
    await tx.flush();
    const catalogue = await loadCatalogue(tx);
    return { type: catalogue.types[input.type], updatedAt: setting.updatedAt.toISOString() };
  });
}

const arrangementInput = z.object({
  year: z.number().int(),
  holidays: z.array(z.string()).max(60),
  workdays: z.array(z.string()).max(30),
  source: optionalTextInput({ max: 300 }),
});

/**
 * Publishes a year's arrangement from the State Council notice: stored, announced to every service
 * that runs clocks (licensing.calendar.published), and applied here at once: the due dates of open
 * matters are recomputed in the same transaction. Publishing a year again replaces it.
 */
export async function publishHolidayArrangement(ctx: MatterUseCaseContext, raw: z.input<typeof arrangementInput>): Promise<{ arrangement: HolidayArrangement; recomputedMatters: number }> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'publish a holiday arrangement');
  const input = parseInput(arrangementInput, raw);
  const source = input.source ?? `国务院办公厅关于${input.year}年部分节假日安排的通知`;
  const checked = validateHolidayArrangement({ year: input.year, holidays: input.holidays, workdays: input.workdays, source });
  if (!checked.ok) throw new AppError(checked.error.code, checked.error.message, checked.error.details ? { ...checked.error.details } : undefined);
  const { holidays, workdays } = checked.value;
  return ctx.em.fork().transactional(async (tx) => {
    const existing = await tx.findOne(HolidayArrangement, { year: input.year });
    const arrangement = existing ?? tx.create(HolidayArrangement, { year: input.year, holidays: [], workdays: [], source, publishedBy: ctx.actor.id });
    Object.assign(arrangement, { holidays: [...holidays], workdays: [...workdays], source, publishedBy: ctx.actor.id });
    emitEvent(tx, {
      type: 'licensing.calendar.published',
      aggregateType: 'HolidayArrangement',
      aggregateId: arrangement.id,
      actor: ctx.actor,
      correlationId: ctx.correlationId,
      payload: { year: input.year, holidays: [...holidays], workdays: [...workdays], source },
    });
    await tx.flush();
    const recomputedMatters = await recomputeOpenClocks(ctx, tx, await loadCatalogue(tx));
    await tx.flush();
    return { arrangement, recomputedMatters };
  });
}

/** Rewrites the due dates of every matter whose clock runs, under the calendar as it is now. */
async function recomputeOpenClocks(ctx: MatterUseCaseContext, tx: MatterUseCaseContext['em'], catalogue: Catalogue): Promise<number> {
  const open = await tx.find(Matter, { dueOn: { $ne: null } });
  for (const row of open) saveState(row, stateOf(row), catalogue, ctx.today);
  return open.length;
}

export async function listServiceItems(ctx: Pick<MatterUseCaseContext, 'em'>, kind: ListKind | null | undefined) {
  const catalogue = await loadCatalogue(ctx.em);
  return serviceItems(catalogue.types, kind ?? undefined).map((item) => ({
    ...item,
    matterType: Object.values(catalogue.types).find((t) => t.serviceCode === item.code)!.code,
    lists: item.listKinds,
  }));
}

export async function listMatterTypes(ctx: Pick<MatterUseCaseContext, 'em'>): Promise<MatterTypeSettingView[]> {
  const [catalogue, settings] = await Promise.all([loadCatalogue(ctx.em), ctx.em.find(MatterTypeSetting, {})]);
  const updated = new Map(settings.map((s) => [s.typeCode, s.updatedAt.toISOString()]));
  return MATTER_TYPE_CODES.map((code) => ({ type: catalogue.types[code], updatedAt: updated.get(code) ?? null }));
}

export function listHolidayArrangements(ctx: Pick<MatterUseCaseContext, 'em'>): Promise<HolidayArrangement[]> {
  return ctx.em.find(HolidayArrangement, {}, { orderBy: { year: 'asc' } });
}
