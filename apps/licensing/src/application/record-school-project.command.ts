import { z } from 'zod';
import { AppError, optionalTextInput, parseInput, requireRole, textInput } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { checkSchoolProject, earliestOpenOn } from '../domain/school-project.ts';
import { SchoolProject } from '../entities/school-project.entity.ts';
import { toSchoolProjectView } from './school-project.view.ts';
import type { SchoolProjectView } from './school-project.view.ts';

/** A project has a handful of milestones; the cap keeps one JSON column a sane size. */
const MAX_MILESTONES = 50;

/** What a project may hold; the maximum lengths are the columns'. The domain checks the rest. */
const projectInput = z.object({
  name: textInput({ max: 200 }),
  sponsor: z.object({ creditCode: textInput({ max: 18, form: 'NFKC' }), name: textInput({ max: 200 }) }),
  status: z.string(),
  investmentFen: z.number(),
  districtCode: optionalTextInput({ max: 40, form: 'NFKC' }),
  milestones: z.array(z.object({ name: textInput({ max: 100 }), plannedOn: textInput({ max: 10, form: 'NFKC' }) })).max(MAX_MILESTONES),
});
export type RecordSchoolProject = z.input<typeof projectInput>;

/** Bureau staff record a social-capital school project, signed or intended, with its milestones. */
export async function recordSchoolProject(ctx: UseCaseContext, raw: RecordSchoolProject): Promise<SchoolProjectView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'record school projects');
  const input = parseInput(projectInput, raw);
  const checked = checkSchoolProject({ ...input, sponsor: { ...input.sponsor, creditCode: input.sponsor.creditCode.toUpperCase() } });
  if (!checked.ok) throw new AppError('BAD_USER_INPUT', `${checked.error.message}.`, { reason: checked.error.code });
  const project = checked.value;
  return ctx.em.transactional(async (tx) => {
    const row = tx.create(SchoolProject, {
      name: project.name,
      sponsorCreditCode: project.sponsor.creditCode,
      sponsorName: project.sponsor.name,
      status: project.status,
      investmentFen: project.investmentFen,
      districtCode: project.districtCode,
      milestones: project.milestones,
      earliestOpenOn: earliestOpenOn(project.milestones),
    });
    await tx.flush();
    return toSchoolProjectView(row);
  });
}
