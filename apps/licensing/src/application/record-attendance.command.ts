import { raw } from '@mikro-orm/core';
import { z } from 'zod';
import { AppError, idInput, parseInput, requireRole, textInput } from '@edugraph/platform';
import type { AppErrorCode, UseCaseContext } from '@edugraph/platform';
import { todayInShanghai } from '@edugraph/rules';
import { checkAttendance } from '../domain/training.ts';
import type { AttendanceRefusal } from '../domain/training.ts';
import { Training, TrainingRegistration } from '../entities/training.entity.ts';
import { toTrainingView } from './training.view.ts';
import type { TrainingView } from './training.view.ts';

const attendanceInput = z.object({
  trainingId: idInput(),
  creditCodes: z.array(textInput({ max: 18, form: 'NFKC' }).transform((c) => c.toUpperCase())).max(10_000),
});
export type RecordAttendance = z.input<typeof attendanceInput>;

const ERROR_CODES: Record<AttendanceRefusal, AppErrorCode> = {
  NO_ATTENDEES: 'BAD_USER_INPUT',
  TRAINING_NOT_HELD: 'CONFLICT',
  NOT_REGISTERED: 'BAD_USER_INPUT',
};

/**
 * Bureau staff record which registered organisations attended. Recording someone twice changes
 * nothing: the count grows by the rows that turned from absent to attended, which each database
 * row lock lets only one of two concurrent recordings see.
 */
export async function recordAttendance(ctx: UseCaseContext, rawInput: RecordAttendance): Promise<TrainingView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'record training attendance');
  const { trainingId, creditCodes } = parseInput(attendanceInput, rawInput);
  return ctx.em.fork().transactional(async (tx) => {
    const training = await tx.findOne(Training, { id: trainingId });
    if (!training) throw new AppError('NOT_FOUND', `No training session has the id ${trainingId}.`);
    const registered = await tx.find(TrainingRegistration, { trainingId }, { fields: ['creditCode'] });
    const checked = checkAttendance({ on: training.heldOn }, new Set(registered.map((r) => r.creditCode)), creditCodes, todayInShanghai());
    if (!checked.ok) throw new AppError(ERROR_CODES[checked.error.code], checked.error.message, { reason: checked.error.code, ...checked.error.details });
    const marked = await tx.nativeUpdate(TrainingRegistration, { trainingId, creditCode: { $in: checked.value }, attended: false }, { attended: true });
    if (marked > 0) await tx.nativeUpdate(Training, { id: trainingId }, { attended: raw('attended + ?', [marked]) });
    return toTrainingView(await tx.findOneOrFail(Training, { id: trainingId }, { refresh: true }));
  });
}
