// The published lists (权力清单, 责任清单, 公共服务事项清单) are a projection of the catalogue, so a change of
// materials or time limit reaches the public lists without a second table to keep in step.
import { DECISION_EXTENSION } from './statutory-periods.ts';
import { MATTER_TYPES } from './matter-types.ts';
import type { Authority, MatterType } from './matter-types.ts';

export type ListKind = 'POWER' | 'RESPONSIBILITY' | 'PUBLIC_SERVICE';
export type ServiceChannel = 'ONLINE' | 'APPOINTMENT_VISIT';

export interface ServiceItem {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly kind: MatterType['kind'];
  readonly legalBasis: string;
  readonly responsibleOffice: string;
  readonly decidingAuthority: Authority;
  readonly materials: readonly { readonly code: string; readonly name: string; readonly key: boolean; readonly shortfallAllowed: boolean }[];
  readonly timeLimit: string;
  readonly fee: 'none';
  readonly channels: readonly ServiceChannel[];
  readonly listKinds: readonly ListKind[];
}

function timeLimitText(type: MatterType): string {
  const decision = type.decisionLimit;
  if (!decision) return '备案，无审批时限';
  const base = 'workingDays' in decision.limit ? `${decision.limit.workingDays}个工作日` : `${decision.limit.months}个月`;
  return decision.extensionAllowed ? `${base}（经负责人批准可延长${DECISION_EXTENSION.workingDays}个工作日）` : base;
}

export function toServiceItem(type: MatterType): ServiceItem {
  return {
    code: type.serviceCode,
    name: type.name,
    nameEn: type.nameEn,
    kind: type.kind,
    legalBasis: type.decisionLimit ? `${type.legalBasis}；时限：${type.decisionLimit.legalBasis}` : type.legalBasis,
    responsibleOffice: type.responsibleOffice,
    decidingAuthority: type.authority,
    materials: type.materials.map(({ code, name, key, shortfallAllowed }) => ({ code, name, key, shortfallAllowed })),
    timeLimit: timeLimitText(type),
    fee: 'none',
    channels: ['ONLINE', 'APPOINTMENT_VISIT'],
    // Every item is a power held, a responsibility owed, and a service the public can ask for.
    listKinds: ['POWER', 'RESPONSIBILITY', 'PUBLIC_SERVICE'],
  };
}

export function serviceItems(catalogue: Readonly<Record<string, MatterType>> = MATTER_TYPES, listKind?: ListKind): ServiceItem[] {
  return Object.values(catalogue)
    .map(toServiceItem)
    .filter((item) => listKind === undefined || item.listKinds.includes(listKind))
    .sort((a, b) => a.code.localeCompare(b.code));
}
