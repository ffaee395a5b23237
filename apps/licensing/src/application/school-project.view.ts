import { fen, formatYuan, todayInShanghai } from '@edugraph/rules';
import type { CalendarDate } from '@edugraph/rules';
import { isLate } from '../domain/school-project.ts';
import type { Milestone } from '../domain/school-project.ts';
import type { SchoolProject } from '../entities/school-project.entity.ts';

export interface MilestoneView extends Milestone {
  late: boolean;
}

export interface SchoolProjectView {
  id: string;
  name: string;
  sponsor: { creditCode: string; name: string };
  status: string;
  investmentFen: number;
  investment: string;
  districtCode: string | null;
  milestones: MilestoneView[];
}

export function toMilestoneView(m: Milestone, today: CalendarDate): MilestoneView {
  return { name: m.name, plannedOn: m.plannedOn, doneOn: m.doneOn, late: isLate(m, today) };
}

export function toSchoolProjectView(row: SchoolProject, today: CalendarDate = todayInShanghai()): SchoolProjectView {
  return {
    id: row.id,
    name: row.name,
    sponsor: { creditCode: row.sponsorCreditCode, name: row.sponsorName },
    status: row.status,
    investmentFen: row.investmentFen,
    investment: formatYuan(fen(row.investmentFen)),
    districtCode: row.districtCode ?? null,
    milestones: row.milestones.map((m) => toMilestoneView(m, today)),
  };
}
