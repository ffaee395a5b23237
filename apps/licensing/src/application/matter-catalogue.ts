import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '@edugraph/platform';
import type { WorkingDayCalendar } from '@edugraph/rules';
import { MATTER_TYPES, calendarWithArrangements, isMatterTypeCode } from '../domain/matter/index.ts';
import type { MatterType, MatterTypeCode } from '../domain/matter/index.ts';
import { HolidayArrangement } from '../entities/holiday-arrangement.entity.ts';
import { MatterTypeSetting } from '../entities/matter-type-setting.entity.ts';

/** What every matter rule reads besides the matter: the types as in force, and the calendar. */
export interface Catalogue {
  types: Readonly<Record<MatterTypeCode, MatterType>>;
  calendar: WorkingDayCalendar;
}

/**
 * Reads the catalogue: the seeded matter types with staff's settings over them, and the working-day
 * calendar with the published holiday arrangements. A year nobody has published counts weekends
 * only (the clocks that reach it say `provisional`), so a clock never fails for want of a calendar.
 */
export async function loadCatalogue(em: EntityManager): Promise<Catalogue> {
  const [settings, arrangements] = await Promise.all([em.find(MatterTypeSetting, {}), em.find(HolidayArrangement, {}, { orderBy: { year: 'asc' } })]);
  const types = { ...MATTER_TYPES } as Record<MatterTypeCode, MatterType>;
  for (const setting of settings) {
    if (!isMatterTypeCode(setting.typeCode)) continue;
    const seeded = MATTER_TYPES[setting.typeCode];
    types[setting.typeCode] = {
      ...seeded,
      authority: setting.authority as MatterType['authority'],
      materials: setting.materials.map((m) => ({ code: m.code, name: m.name, nameEn: m.nameEn ?? m.name, key: m.key, shortfallAllowed: m.shortfallAllowed })),
    };
  }
  const calendar = calendarWithArrangements(
    arrangements.map((a) => ({ year: a.year, holidays: a.holidays, workdays: a.workdays, source: a.source })),
    { unknownYear: 'weekends-only', onFallback: () => {} },
  );
  if (!calendar.ok) throw new Error(`a stored holiday arrangement is invalid: ${calendar.error.message}`);
  return { types, calendar: calendar.value };
}

/** The request's catalogue, read once however many matters it shows. */
export function catalogueLoader(em: EntityManager): { get(): Promise<Catalogue> } {
  let loaded: Promise<Catalogue> | undefined;
  return { get: () => (loaded ??= loadCatalogue(em)) };
}

export function matterTypeOf(catalogue: Catalogue, code: string): MatterType {
  if (!isMatterTypeCode(code)) throw new AppError('BAD_USER_INPUT', `Unknown matter type ${code}.`);
  return catalogue.types[code];
}
