import { z } from 'zod';
import { AppError, optionalTextInput, parseInput, textInput } from '@edugraph/platform';
import { isCalendarDate } from '@edugraph/rules';
import { Matter } from '../entities/matter.entity.ts';
import { requireApplicant, requireLicensingStaff } from './matter-access.ts';
import { changeMatter } from './matter-change.ts';
import type { MatterUseCaseContext } from './matter-change.ts';
import { loadCatalogue } from './matter-catalogue.ts';
import { toMatterView } from './matter.view.ts';
import type { MatterView } from './matter.view.ts';

const code = textInput({ max: 60, form: 'NFKC' });
const date = z.string().refine(isCalendarDate, { message: "must be a date 'YYYY-MM-DD'" });

const attachInput = z.object({
  code,
  fileName: textInput({ max: 255 }),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the file’s SHA-256 in 64 hexadecimal characters').transform((s) => s.toLowerCase()),
  sizeBytes: z.number().int().min(1, 'must be at least 1 byte').max(2 ** 31 - 1),
});

/** The sponsor attaches a material's metadata; the file itself stays in the sponsor's own store. */
export function attachMaterial(ctx: MatterUseCaseContext, matterId: string, raw: z.input<typeof attachInput>): Promise<MatterView> {
  const input = parseInput(attachInput, raw);
  return changeMatter(ctx, matterId, {
    authorize: ({ row }) => requireApplicant(ctx.actor, row.applicantCreditCode, 'attach materials'),
    command: () => ({ type: 'attachMaterial', ...input }),
  });
}

export function submitMatter(ctx: MatterUseCaseContext, matterId: string): Promise<MatterView> {
  return changeMatter(ctx, matterId, {
    authorize: ({ row }) => requireApplicant(ctx.actor, row.applicantCreditCode, 'submit a matter'),
    command: () => ({ type: 'submit' }),
  });
}

export function withdrawMatter(ctx: MatterUseCaseContext, matterId: string, reason: string | null | undefined): Promise<MatterView> {
  const why = parseInput(optionalTextInput({ max: 1000, multiline: true }), reason);
  return changeMatter(ctx, matterId, {
    authorize: ({ row }) => requireApplicant(ctx.actor, row.applicantCreditCode, 'withdraw a matter'),
    command: () => ({ type: 'withdraw', ...(why ? { reason: why } : {}) }),
  });
}

const correctionsInput = z.array(z.object({ material: code, reason: textInput({ max: 1000, multiline: true }) })).min(1, 'must list at least one correction').max(50);

/** Every correction in one notice (一次性告知): the domain refuses a second for the same submission. */
export function requestMatterCorrections(ctx: MatterUseCaseContext, matterId: string, raw: unknown): Promise<MatterView> {
  const items = parseInput(correctionsInput, raw);
  return changeMatter(ctx, matterId, {
    authorize: () => requireLicensingStaff(ctx.actor, 'request corrections'),
    command: () => ({ type: 'requestCorrections', items }),
  });
}

export function acceptMatter(ctx: MatterUseCaseContext, matterId: string): Promise<MatterView> {
  return changeMatter(ctx, matterId, {
    authorize: () => requireLicensingStaff(ctx.actor, 'accept a matter'),
    command: () => ({ type: 'accept' }),
  });
}

const shortfallInput = z.object({
  missing: z.array(z.object({ material: code, dueOn: date })).min(1, 'must list the materials owed').max(50),
  commitmentSigned: z.boolean(),
});

/** 容缺受理; an organisation that broke an earlier commitment (a lapsed matter) is not offered it. */
export function acceptWithShortfall(ctx: MatterUseCaseContext, matterId: string, raw: z.input<typeof shortfallInput>): Promise<MatterView> {
  const input = parseInput(shortfallInput, raw);
  return changeMatter(ctx, matterId, {
    authorize: () => requireLicensingStaff(ctx.actor, 'accept a matter with a shortfall'),
    command: async ({ tx, row }) => ({
      type: 'acceptWithShortfall',
      missing: input.missing,
      commitmentSigned: input.commitmentSigned,
      sponsorHasBrokenCommitment: (await tx.count(Matter, { applicantCreditCode: row.applicantCreditCode, status: 'LAPSED' })) > 0,
    }),
  });
}

/** Counts a visit the applicant had to make in person: more than one is a defect of 只跑一次. Two counted at once both count. */
export async function recordCounterVisit(ctx: MatterUseCaseContext, matterId: string): Promise<MatterView> {
  requireLicensingStaff(ctx.actor, 'record a counter visit');
  for (let attempt = 1; ; attempt++) {
    try {
      return await countVisit(ctx, matterId);
    } catch (error) {
      if (attempt < 3 && (error as Error).name === 'OptimisticLockError') continue;
      throw error;
    }
  }
}

function countVisit(ctx: MatterUseCaseContext, matterId: string): Promise<MatterView> {
  return ctx.em.fork().transactional(async (tx) => {
    const row = await tx.findOne(Matter, { id: matterId });
    if (!row) throw new AppError('NOT_FOUND', 'No licensing matter has this id.');
    row.inPersonVisits += 1;
    await tx.flush();
    return toMatterView(row, await loadCatalogue(tx), ctx.today);
  });
}
