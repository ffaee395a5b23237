import type { DocumentKind, UnmetRequirement } from './types.ts';

// Plain sentences a parent or an inspector can read without knowing the algorithm. Every
// number in them can be checked against the published list and seed.

const DOCUMENT_NAMES: Readonly<Record<DocumentKind, string>> = {
  HOUSEHOLD_REGISTER: 'household register (户口簿)',
  RESIDENCE_PERMIT: 'residence permit (居住证)',
  PROPERTY_CERTIFICATE: 'property certificate (房产证)',
  RENTAL_AGREEMENT: 'rental agreement (租房协议)',
  COMMUNITY_RESIDENCE_PROOF: 'community residence proof (社区居住证明)',
  PARENT_WORK_PROOF: "parent's work proof (家长务工证明)",
};

export interface StandingText {
  readonly tier: number;
  readonly lotteryRank: number;
  readonly lotteryPoolSize: number;
}

function standing(s: StandingText): string {
  return `(tier ${s.tier}, lottery rank ${s.lotteryRank} of ${s.lotteryPoolSize})`;
}

function batchPrefix(batch: number): string {
  return batch === 0 ? '' : `Late application (batch ${batch}): `;
}

function list(ids: readonly string[]): string {
  return ids.join(', ');
}

export function explainInDistrict(
  batch: number,
  p: { schoolId: string; districtId: string; grade: number; choice: number; rankedByFamily: boolean; fullEarlierChoices: readonly string[] } & StandingText,
): string {
  const which = p.rankedByFamily ? `the family's choice ${p.choice}` : `choice ${p.choice}, a district school the family did not rank`;
  const full = p.fullEarlierChoices.length > 0 ? `; ${list(p.fullEarlierChoices)} already full` : '';
  return `${batchPrefix(batch)}Placed at school ${p.schoolId} in home district ${p.districtId}, grade ${p.grade}: ${which}${full} ${standing(p)}.`;
}

export function explainReassigned(
  batch: number,
  p: { schoolId: string; districtId: string; grade: number; distanceKm: number; fullDistricts: readonly string[] } & StandingText,
): string {
  const [home, ...nearer] = p.fullDistricts;
  const alsoFull = nearer.length > 0 ? ` and nearer district${nearer.length > 1 ? 's' : ''} ${list(nearer)} were` : ' was';
  return (
    `${batchPrefix(batch)}Reassigned to school ${p.schoolId} in district ${p.districtId} (${p.distanceKm} km), grade ${p.grade}: ` +
    `home district ${home}${alsoFull} full ${standing(p)}.`
  );
}

export function explainWaitlisted(batch: number, p: { grade: number; fullDistricts: readonly string[] } & StandingText): string {
  const [home, ...reachable] = p.fullDistricts;
  const elsewhere = reachable.length > 0 ? `nor in any district within reach (${list(reachable)})` : 'and no other district is within reach';
  return `${batchPrefix(batch)}Waitlisted for grade ${p.grade}: no free seat in home district ${home} ${elsewhere} ${standing(p)}.`;
}

export function explainIneligible(batch: number, unmet: readonly UnmetRequirement[]): string {
  const items = unmet.map((requirement) => {
    const name = requirement.acceptable.map((kind) => DOCUMENT_NAMES[kind]).join(' or ');
    if (requirement.submitted.length === 0) return `${name}: missing`;
    const states = requirement.submitted.map((d) =>
      d.status === 'REJECTED' ? `${DOCUMENT_NAMES[d.kind]} rejected (${d.rejectionReason})` : `${DOCUMENT_NAMES[d.kind]} not yet verified`,
    );
    return `${name}: ${states.join(', ')}`;
  });
  return `${batchPrefix(batch)}Not placed: required documents are not all verified — ${items.join('; ')}. Correct them all at once; once verified, the application is placed from the seats still free.`;
}
