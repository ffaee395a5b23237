import type { Training, TrainingRegistration } from '../entities/training.entity.ts';

export interface TrainingView {
  id: string;
  title: string;
  on: string;
  place: string;
  capacity: number;
  registered: number;
  attended: number;
}

export interface TrainingRegistrationView {
  trainingId: string;
  sponsor: { creditCode: string; name: string };
  registeredAt: string;
  attended: boolean;
}

export function toTrainingView(row: Training): TrainingView {
  return { id: row.id, title: row.title, on: row.heldOn, place: row.place, capacity: row.capacity, registered: row.registered, attended: row.attended };
}

export function toRegistrationView(row: TrainingRegistration): TrainingRegistrationView {
  return {
    trainingId: row.trainingId,
    sponsor: { creditCode: row.creditCode, name: row.name },
    registeredAt: row.createdAt.toISOString(),
    attended: row.attended,
  };
}
