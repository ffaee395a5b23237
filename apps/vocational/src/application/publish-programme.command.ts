import { z } from 'zod';
import { emitEvent } from '@edugraph/events';
import { isUniqueViolation, newId } from '@edugraph/persistence';
import { todayInShanghai } from '@edugraph/rules';
import { AppError, idInput, parseInput, requireInstitutionAccess, textInput } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { checkCatalogueCode } from '../domain/catalogue/index.ts';
import type { VocationalLevel } from '../domain/catalogue/index.ts';
import { checkProgramme } from '../domain/programme.rules.ts';
import { ProgrammeYear } from '../entities/catalogue.entities.ts';
import { loadCatalogue } from './reference-data.ts';
import { Programme } from '../entities/programme.entity.ts';
import { VocationalSchool } from '../entities/vocational-school.entity.ts';
import { toProgrammeView } from './programme.view.ts';
import type { ProgrammeView } from './programme.view.ts';

/** What a programme may hold; the maximum lengths are the columns', the rest is the domain's. */
const publishProgrammeInput = z.object({
  institutionId: idInput(),
  code: textInput({ max: 6, form: 'NFKC' }),
  name: textInput({ max: 200 }),
  lengthYears: z.number(),
  annualIntake: z.number(),
  featured: z.boolean().nullish().transform((featured) => featured ?? false),
  outOfCatalogueReference: textInput({ max: 200 }).nullish().transform((reference) => (reference ? reference : null)),
});
export type PublishProgramme = z.input<typeof publishProgrammeInput>;

/**
 * Creates or updates the school's programme with this code; publishing the same data again changes
 * nothing. Two staff at once: the loser's insert (unique key) or update (version) is retried.
 */
export async function publishProgramme(ctx: UseCaseContext, raw: PublishProgramme): Promise<ProgrammeView> {
  const draft = parseInput(publishProgrammeInput, raw);
  requireInstitutionAccess(ctx.actor, draft.institutionId, 'publish programmes');
  const problems = checkProgramme(draft);
  if (problems.length > 0) throw new AppError('BAD_USER_INPUT', problems.join('; '));
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.em.fork().transactional(async (tx) => {
        const school = await tx.findOne(VocationalSchool, { institutionId: draft.institutionId });
        if (!school) throw new AppError('NOT_FOUND', 'No vocational school with this institution id is known (is it registered as VOCATIONAL?).');
        const reference = draft.outOfCatalogueReference;
        const checked = checkCatalogueCode(draft.code, await loadCatalogue(tx), { schoolLevel: school.level as VocationalLevel, ...(reference ? { approvedOutOfCatalogue: { reference } } : {}) });
        if (!checked.ok) throw new AppError(checked.error.code, `${checked.error.message}.`);
        const year = Number(todayInShanghai().slice(0, 4));
        const existing = await tx.findOne(Programme, { institutionId: draft.institutionId, code: draft.code });
        const unchanged =
          existing?.status === 'PUBLISHED' && existing.name === draft.name && existing.lengthYears === draft.lengthYears && existing.annualIntake === draft.annualIntake &&
          existing.featured === draft.featured && (existing.outOfCatalogueReference ?? null) === checked.value.outOfCatalogueReference;
        if (existing && unchanged) return toProgrammeView(existing);
        const programme = existing ?? tx.create(Programme, { ...draft, level: checked.value.level, partnerEnterprises: [], industries: [] });
        Object.assign(programme, {
          name: draft.name,
          lengthYears: draft.lengthYears,
          annualIntake: draft.annualIntake,
          featured: draft.featured,
          outOfCatalogueReference: checked.value.outOfCatalogueReference,
          status: 'PUBLISHED',
          year,
        });
        const figures = await tx.findOne(ProgrammeYear, { programmeId: programme.id, year });
        if (figures) figures.annualIntake = draft.annualIntake;
        else tx.create(ProgrammeYear, { id: newId(), programmeId: programme.id, year, institutionId: draft.institutionId, code: draft.code, annualIntake: draft.annualIntake, enrolled: programme.enrolled ?? 0, applicants: programme.applicants ?? 0 });
        emitEvent(tx, {
          type: 'vocational.programme.published',
          aggregateType: 'Programme',
          aggregateId: programme.id,
          actor: ctx.actor,
          correlationId: ctx.correlationId,
          payload: { programmeId: programme.id, institutionId: draft.institutionId, code: draft.code, name: draft.name, annualIntake: draft.annualIntake },
        });
        await tx.flush();
        return toProgrammeView(programme);
      });
    } catch (error) {
      if (attempt < 3 && (isUniqueViolation(error) || (error as Error).name === 'OptimisticLockError')) continue;
      throw error;
    }
  }
}
