import { z } from 'zod';
import { AppError, parseInput, requireRole, textInput } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { todayInShanghai } from '@edugraph/rules';
import { checkTraining } from '../domain/training.ts';
import { Training } from '../entities/training.entity.ts';
import { toTrainingView } from './training.view.ts';
import type { TrainingView } from './training.view.ts';

const announcementInput = z.object({
  title: textInput({ max: 200 }),
  on: textInput({ max: 10, form: 'NFKC' }),
  place: textInput({ max: 200 }),
  capacity: z.number(),
});
export type AnnounceTraining = z.input<typeof announcementInput>;

/** Bureau staff announce a policy training session (民办教育政策培训). */
export async function announceTraining(ctx: UseCaseContext, raw: AnnounceTraining): Promise<TrainingView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'announce training sessions');
  const checked = checkTraining(parseInput(announcementInput, raw), todayInShanghai());
  if (!checked.ok) throw new AppError('BAD_USER_INPUT', `${checked.error.message}.`, { reason: checked.error.code });
  const { title, on, place, capacity } = checked.value;
  return ctx.em.transactional(async (tx) => {
    const row = tx.create(Training, { title, heldOn: on, place, capacity, registered: 0, attended: 0 });
    await tx.flush();
    return toTrainingView(row);
  });
}
