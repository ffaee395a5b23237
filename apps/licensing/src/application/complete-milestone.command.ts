import { z } from 'zod';
import { isTransientError } from '@edugraph/persistence';
import { AppError, idInput, parseInput, requireRole, textInput } from '@edugraph/platform';
import type { AppErrorCode, UseCaseContext } from '@edugraph/platform';
import { todayInShanghai } from '@edugraph/rules';
import { completeMilestone as complete, earliestOpenOn } from '../domain/school-project.ts';
import type { MilestoneRefusal } from '../domain/school-project.ts';
import { SchoolProject } from '../entities/school-project.entity.ts';
import { toSchoolProjectView } from './school-project.view.ts';
import type { SchoolProjectView } from './school-project.view.ts';

const completionInput = z.object({
  projectId: idInput(),
  milestone: textInput({ max: 100 }),
  doneOn: textInput({ max: 10, form: 'NFKC' }),
});
export type CompleteMilestone = z.input<typeof completionInput>;

const ERROR_CODES: Record<MilestoneRefusal, AppErrorCode> = {
  UNKNOWN_MILESTONE: 'NOT_FOUND',
  INVALID_DATE: 'BAD_USER_INPUT',
  DONE_IN_FUTURE: 'BAD_USER_INPUT',
  ALREADY_DONE: 'CONFLICT',
};

/**
 * Bureau staff record a milestone done. The milestones share one JSON column, so two completions
 * of one project at once would overwrite each other: the entity's version refuses the loser's
 * write, and it is tried again on the fresh row (where it may then find the milestone done).
 */
export async function completeMilestone(ctx: UseCaseContext, raw: CompleteMilestone): Promise<SchoolProjectView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'record milestones done');
  const input = parseInput(completionInput, raw);
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.em.fork().transactional(async (tx) => {
        const row = await tx.findOne(SchoolProject, { id: input.projectId });
        if (!row) throw new AppError('NOT_FOUND', `No school project has the id ${input.projectId}.`);
        const today = todayInShanghai();
        const done = complete(row.milestones, input.milestone, input.doneOn, today);
        if (!done.ok) throw new AppError(ERROR_CODES[done.error.code], done.error.message, { reason: done.error.code });
        row.milestones = done.value;
        row.earliestOpenOn = earliestOpenOn(done.value);
        await tx.flush();
        return toSchoolProjectView(row, today);
      });
    } catch (error) {
      if (attempt < 3 && isTransientError(error)) continue;
      throw error;
    }
  }
}
