import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { isTransientError, isUniqueViolation } from '@edugraph/persistence';
import { AppError, idInput, parseInput, requireRole } from '@edugraph/platform';
import type { AppErrorCode, UseCaseContext } from '@edugraph/platform';
import { todayInShanghai, validateCreditCode } from '@edugraph/rules';
import { checkRegistration, trainingFull } from '../domain/training.ts';
import type { RegistrationRefusal } from '../domain/training.ts';
import { Institution } from '../entities/institution.entity.ts';
import { SchoolProject } from '../entities/school-project.entity.ts';
import { Training, TrainingRegistration } from '../entities/training.entity.ts';
import { toTrainingView } from './training.view.ts';
import type { TrainingView } from './training.view.ts';

const registrationInput = z.object({ trainingId: idInput() });

const ERROR_CODES: Record<RegistrationRefusal, AppErrorCode> = {
  TRAINING_PAST: 'CONFLICT',
  ALREADY_REGISTERED: 'ALREADY_EXISTS',
  TRAINING_FULL: 'CONFLICT',
};

/**
 * The signed-in sponsor (MARKET_ENTITY) registers its organisation for a session. The seat is taken
 * by a conditional update (`registered < capacity`) in the registration's transaction: of two
 * requests for the last seat, the second waits for the first's row lock and then matches no row.
 * The unique key (session, credit code) catches the same organisation twice at once.
 */
export async function registerForTraining(ctx: UseCaseContext, rawInput: { trainingId: string }): Promise<TrainingView> {
  requireRole(ctx.actor, ['MARKET_ENTITY'], 'register for training sessions');
  const creditCode = ctx.actor.creditCode;
  if (!creditCode || !validateCreditCode(creditCode).ok) {
    throw new AppError('FORBIDDEN', 'Your sign-in carries no valid unified social credit code: sign in as your organisation to register it.');
  }
  const { trainingId } = parseInput(registrationInput, rawInput);
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.em.fork().transactional(async (tx) => {
        const training = await tx.findOne(Training, { id: trainingId });
        if (!training) throw new AppError('NOT_FOUND', `No training session has the id ${trainingId}.`);
        const already = (await tx.count(TrainingRegistration, { trainingId, creditCode })) > 0;
        const allowed = checkRegistration({ on: training.heldOn, capacity: training.capacity, registered: training.registered }, already, todayInShanghai());
        if (!allowed.ok) throw refusal(allowed.error);
        const taken = await tx.nativeUpdate(Training, { id: trainingId, registered: { $lt: raw('capacity') } }, { registered: raw('registered + 1') });
        if (taken === 0) throw refusal(trainingFull(training.capacity).error);
        const name = await organisationName(tx, creditCode);
        tx.create(TrainingRegistration, { trainingId, creditCode, name, attended: false });
        await tx.flush();
        return toTrainingView(await tx.findOneOrFail(Training, { id: trainingId }, { refresh: true }));
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw refusal({ code: 'ALREADY_REGISTERED', message: 'Your organisation is already registered for this session.' });
      // PostgreSQL may pick one of two waiting transactions as a deadlock victim: take it again.
      if (attempt < 3 && isTransientError(error)) continue;
      throw error;
    }
  }
}

/**
 * The sign-in carries no organisation name: take the one the bureau recorded for this credit code
 * (as a project's sponsor, else as an institution of the registry), else the code itself.
 */
async function organisationName(tx: EntityManager, creditCode: string): Promise<string> {
  const project = await tx.findOne(SchoolProject, { sponsorCreditCode: creditCode }, { orderBy: { id: 'desc' } });
  if (project) return project.sponsorName;
  const institution = await tx.findOne(Institution, { creditCode });
  return institution?.name ?? creditCode;
}

function refusal(error: { code: RegistrationRefusal; message: string }): AppError {
  return new AppError(ERROR_CODES[error.code], error.message, { reason: error.code });
}
