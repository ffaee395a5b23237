import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { todayInShanghai } from '@edugraph/rules';
import { Training, TrainingRegistration } from '../entities/training.entity.ts';
import { toRegistrationView, toTrainingView } from './training.view.ts';
import type { TrainingRegistrationView, TrainingView } from './training.view.ts';

/**
 * Sessions soonest first: from today on when `upcoming` (the default), else every session, past
 * ones included. Public: titles, days and places are announcements.
 */
export async function listTrainings(em: EntityManager, args: { upcoming?: boolean | null }): Promise<TrainingView[]> {
  const where = args.upcoming === false ? {} : { heldOn: { $gte: todayInShanghai() } };
  const rows = await em.find(Training, where, { orderBy: { heldOn: 'asc', id: 'asc' } });
  return rows.map(toTrainingView);
}

/**
 * The registrations of many sessions in one query, oldest first: the batch behind
 * `Training.registrations`. Who may see which is the resolver's concern.
 */
export function registrationsLoader(em: EntityManager): DataLoader<string, TrainingRegistrationView[]> {
  return new DataLoader(async (ids) => {
    const rows = await em.find(TrainingRegistration, { trainingId: { $in: [...ids] } }, { orderBy: { id: 'asc' } });
    const byTraining = new Map<string, TrainingRegistrationView[]>(ids.map((id) => [id, []]));
    for (const row of rows) byTraining.get(row.trainingId)?.push(toRegistrationView(row));
    return ids.map((id) => byTraining.get(id) ?? []);
  });
}
