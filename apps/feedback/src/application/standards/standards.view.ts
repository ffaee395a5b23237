import type { CalendarDate } from '@edugraph/rules';
import { statusOf } from '../../domain/standards/index.ts';
import type { StaffMember, StandardStatus, StandardVersion } from '../../domain/standards/index.ts';
import type { StandardTrainingRecord, StandardVersionRecord } from '../../entities/standard.entities.ts';

/** A version of an item's standard as people read it, with where it stands today. */
export interface StandardView {
  id: string;
  itemCode: string;
  itemName: string;
  office: string;
  version: string;
  text: string;
  effectiveOn: string;
  publishedOn: string;
  status: StandardStatus;
  /** The day the next version takes effect; null for the latest. */
  supersededOn: string | null;
}

/** `siblings`: every version of the same item (the row included). */
export function toStandardView(row: StandardVersionRecord, siblings: readonly StandardVersion[], itemName: string, today: CalendarDate): StandardView {
  const next = siblings.filter((v) => v.effectiveOn > row.effectiveOn).reduce<string | null>((a, v) => (a === null || v.effectiveOn < a ? v.effectiveOn : a), null);
  return {
    id: row.id,
    itemCode: row.itemCode,
    itemName,
    office: row.office,
    version: row.version,
    text: row.text,
    effectiveOn: row.effectiveOn,
    publishedOn: row.publishedOn,
    status: statusOf(row, siblings, today),
    supersededOn: next,
  };
}

export interface TrainingView {
  id: string;
  standardId: string;
  itemCode: string;
  office: string;
  version: string;
  heldOn: string;
  trainer: string;
  attendees: string[];
  recordedBy: string;
}

export function toTrainingView(row: StandardTrainingRecord): TrainingView {
  return { id: row.id, standardId: row.standardId, itemCode: row.itemCode, office: row.office, version: row.version, heldOn: row.heldOn, trainer: row.trainer, attendees: [...row.attendees], recordedBy: row.recordedBy };
}

export interface RosterView {
  office: string;
  officeName: string;
  staff: StaffMember[];
  /** Null while the office has no roster. */
  setOn: string | null;
}
