import type { Kindergarten } from '../entities/kindergarten.entity.ts';

export interface KindergartenView {
  places: number;
  enrolled: number;
  inclusive: boolean;
}

export function toKindergartenView(k: Kindergarten): KindergartenView {
  return { places: k.places, enrolled: k.enrolled, inclusive: k.inclusive };
}
