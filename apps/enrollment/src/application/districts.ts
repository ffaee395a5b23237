import { z } from 'zod';
import type { EntityManager } from '@mikro-orm/core';
import { AppError, parseInput, textInput } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { District, DistrictDistance } from '../entities/district.entity.ts';
import { requireAdmissions } from './admissions-access.ts';

const code = textInput({ max: 40, form: 'NFKC' }).pipe(z.string().regex(/^[A-Za-z0-9-]+$/, 'must be letters, digits or dashes'));
const districtInput = z.object({ code, name: textInput({ max: 100 }), kind: z.enum(['URBAN', 'RURAL']) });
const distanceInput = z.object({ fromCode: code, toCode: code, km: z.number().positive('must be more than 0 km').max(1000) });

/** Adds or changes a district (admissions office). */
export async function setDistrict(ctx: UseCaseContext, raw: z.input<typeof districtInput>): Promise<District> {
  requireAdmissions(ctx.actor, 'keep school districts');
  const input = parseInput(districtInput, raw);
  return ctx.em.fork().transactional(async (tx) => {
    const district = (await tx.findOne(District, { code: input.code })) ?? tx.create(District, input);
    Object.assign(district, input);
    await tx.flush();
    return district;
  });
}

/** Sets the road distance between two known districts, both directions unless the reverse is set on its own. */
export async function setDistrictDistance(ctx: UseCaseContext, raw: z.input<typeof distanceInput>): Promise<DistrictDistance> {
  requireAdmissions(ctx.actor, 'keep district distances');
  const input = parseInput(distanceInput, raw);
  if (input.fromCode === input.toCode) throw new AppError('BAD_USER_INPUT', 'A distance is between two different districts.');
  return ctx.em.fork().transactional(async (tx) => {
    const known = await tx.count(District, { code: { $in: [input.fromCode, input.toCode] } });
    if (known < 2) throw new AppError('NOT_FOUND', 'Both districts must be set (setDistrict) before the distance between them.');
    const row = (await tx.findOne(DistrictDistance, { fromCode: input.fromCode, toCode: input.toCode })) ?? tx.create(DistrictDistance, input);
    row.km = input.km;
    await tx.flush();
    return row;
  });
}

export function listDistricts(em: EntityManager): Promise<District[]> {
  return em.find(District, {}, { orderBy: { code: 'asc' } });
}

export function listDistances(em: EntityManager): Promise<DistrictDistance[]> {
  return em.find(DistrictDistance, {}, { orderBy: { fromCode: 'asc', toCode: 'asc' } });
}
