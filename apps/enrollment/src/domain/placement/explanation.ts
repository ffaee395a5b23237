import type { DocumentKind, InDistrictOutcome, LotteryStanding, ReassignedOutcome, UnmetRequirement, WaitlistedOutcome } from './types.ts';

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

type Facts<T> = Omit<T, 'explanation'>;

function standing(o: LotteryStanding): string {
  return `(tier ${o.tier}, lottery rank ${o.lotteryRank} of ${o.lotteryPoolSize})`;
}

function batchPrefix(batch: number): string {
  return batch === 0 ? '' : `Late application (batch ${batch}): `;
}

function list(ids: readonly string[]): string {
  return ids.join(', ');
}

export function explainInDistrict(o: Facts<InDistrictOutcome>): string {
  const which = o.rankedByFamily ? `the family's choice ${o.choice}` : `choice ${o.choice}, a district school the family did not rank`;
  const full = o.fullEarlierChoices.length > 0 ? `; ${list(o.fullEarlierChoices)} already full` : '';
  return `${batchPrefix(o.batch)}Placed at school ${o.schoolId} in home district ${o.districtId}, grade ${o.grade}: ${which}${full} ${standing(o)}.`;
}

export function explainReassigned(o: Facts<ReassignedOutcome>): string {
  const [home, ...nearer] = o.fullDistricts;
  const alsoFull = nearer.length > 0 ? ` and nearer district${nearer.length > 1 ? 's' : ''} ${list(nearer)} were` : ' was';
  return (
    `${batchPrefix(o.batch)}Reassigned to school ${o.schoolId} in district ${o.districtId} (${o.distanceKm} km), grade ${o.grade}: ` +
    `home district ${home}${alsoFull} full ${standing(o)}.`
  );
}

export function explainWaitlisted(o: Facts<WaitlistedOutcome>): string {
  const [home, ...reachable] = o.fullDistricts;
  const elsewhere = reachable.length > 0 ? `nor in any district within reach (${list(reachable)})` : 'and no other district is within reach';
  return `${batchPrefix(o.batch)}Waitlisted for grade ${o.grade}: no free seat in home district ${home} ${elsewhere} ${standing(o)}.`;
}

export function explainIneligible(batch: number, unmet: readonly UnmetRequirement[]): string {
  const items = unmet.map((requirement) => {
    const name = requirement.acceptable.map((kind) => DOCUMENT_NAMES[kind]).join(' or ');
    if (requirement.submitted.length === 0) return `${name}: missing`;
    // Name the document in each state only when the requirement accepts more than one kind.
    const states = requirement.submitted.map((d) => {
      const what = requirement.acceptable.length > 1 ? `${DOCUMENT_NAMES[d.kind]} ` : '';
      return d.status === 'REJECTED' ? `${what}rejected (${d.rejectionReason})` : `${what}not yet verified`;
    });
    return `${name}: ${states.join(', ')}`;
  });
  return `${batchPrefix(batch)}Not placed: required documents are not all verified — ${items.join('; ')}. Correct them all at once; once verified, the application is placed from the seats still free.`;
}
