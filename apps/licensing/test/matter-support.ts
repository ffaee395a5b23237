import type { Actor } from '@edugraph/auth';
import type { TestService } from '@edugraph/testing';

/** The matter fields the licensing tests read. */
export const MATTER_FIELDS = `id type kind status authority institution { id name status licence { number status issuedOn } }
  requirements { code key shortfallAllowed attached } missingMaterials submittedOn acceptedOn deemedAccepted commitmentBroken
  correctionNotice { issuedOn items { material reason } } shortfall { material dueOn }
  clock { acceptedOn dueOn remainingWorkingDays status provisional extended pauses { reason from to } }
  licenceClock { dueOn status } decision { outcome authority decidedOn } inPersonVisits preparationLapsedOn`;

export interface MatterJson {
  id: string;
  type: string;
  kind: string;
  status: string;
  authority: string;
  institution: { id: string; name: string; status: string; licence: { number: string; status: string; issuedOn: string | null } | null } | null;
  requirements: { code: string; key: boolean; shortfallAllowed: boolean; attached: boolean }[];
  missingMaterials: string[];
  submittedOn: string | null;
  acceptedOn: string | null;
  deemedAccepted: boolean;
  commitmentBroken: boolean;
  correctionNotice: { issuedOn: string; items: { material: string; reason: string }[] } | null;
  shortfall: { material: string; dueOn: string }[];
  clock: { acceptedOn: string; dueOn: string | null; remainingWorkingDays: number; status: string; provisional: boolean; extended: boolean; pauses: { reason: string; from: string; to: string | null }[] } | null;
  licenceClock: { dueOn: string; status: string } | null;
  decision: { outcome: string; authority: string; decidedOn: string } | null;
  inPersonVisits: number;
  preparationLapsedOn: string | null;
}

const SHA = 'a'.repeat(64);

/** Matter operations as the people who do them. */
export function matterSteps(t: TestService) {
  const run = async (actor: Actor, mutation: string, variables: Record<string, unknown>): Promise<MatterJson> => {
    const data = await t.as(actor)<Record<string, { matter: MatterJson }>>(mutation, variables);
    return Object.values(data)[0]!.matter;
  };
  const op = (name: string, args: string, params: string) => `mutation(${params}) { ${name}(${args}) { matter { ${MATTER_FIELDS} } } }`;
  return {
    start: (actor: Actor, input: Record<string, unknown>) => run(actor, op('startMatter', 'input: $input', '$input: StartMatterInput!'), { input }),
    attach: (actor: Actor, matterId: string, code: string) =>
      run(actor, op('attachMaterial', 'matterId: $id, code: $code, fileName: "f.pdf", sha256: $sha, sizeBytes: 1024', '$id: ID!, $code: String!, $sha: String!'), { id: matterId, code, sha: SHA }),
    /** Attaches every required material but those named. */
    attachAll: async (actor: Actor, matter: MatterJson, except: string[] = []) => {
      let latest = matter;
      for (const r of matter.requirements) if (!except.includes(r.code) && !r.attached) latest = await run(actor, op('attachMaterial', 'matterId: $id, code: $code, fileName: "f.pdf", sha256: $sha, sizeBytes: 10', '$id: ID!, $code: String!, $sha: String!'), { id: matter.id, code: r.code, sha: SHA });
      return latest;
    },
    submit: (actor: Actor, matterId: string) => run(actor, op('submitMatter', 'matterId: $id', '$id: ID!'), { id: matterId }),
    corrections: (actor: Actor, matterId: string, items: { material: string; reason: string }[]) =>
      run(actor, op('requestMatterCorrections', 'matterId: $id, items: $items', '$id: ID!, $items: [CorrectionItemInput!]!'), { id: matterId, items }),
    accept: (actor: Actor, matterId: string) => run(actor, op('acceptMatter', 'matterId: $id', '$id: ID!'), { id: matterId }),
    acceptWithShortfall: (actor: Actor, matterId: string, missing: { material: string; dueOn: string }[], commitmentSigned = true) =>
      run(actor, op('acceptWithShortfall', 'matterId: $id, missing: $missing, commitmentSigned: $signed', '$id: ID!, $missing: [ShortfallItemInput!]!, $signed: Boolean!'), { id: matterId, missing, signed: commitmentSigned }),
    pause: (actor: Actor, matterId: string, reason: string) => run(actor, op('pauseClock', 'matterId: $id, reason: $reason', '$id: ID!, $reason: PauseReason!'), { id: matterId, reason }),
    resume: (actor: Actor, matterId: string) => run(actor, op('resumeClock', 'matterId: $id', '$id: ID!'), { id: matterId }),
    extend: (actor: Actor, matterId: string, reason: string) => run(actor, op('extendClock', 'matterId: $id, reason: $reason', '$id: ID!, $reason: String!'), { id: matterId, reason }),
    opinion: (actor: Actor, matterId: string) => run(actor, op('giveReviewOpinion', 'matterId: $id, opinion: "符合设置标准"', '$id: ID!'), { id: matterId }),
    inspect: (actor: Actor, matterId: string, on: string) => run(actor, op('scheduleInspection', 'matterId: $id, on: $on, slot: AM', '$id: ID!, $on: String!'), { id: matterId, on }),
    visit: (actor: Actor, matterId: string) => run(actor, op('recordCounterVisit', 'matterId: $id', '$id: ID!'), { id: matterId }),
    decide: (actor: Actor, matterId: string, outcome = 'APPROVED', legalBasis = '《中华人民共和国民办教育促进法》第十七条') =>
      run(actor, op('decide', 'matterId: $id, outcome: $outcome, legalBasis: $basis, reason: "材料齐全，符合条件"', '$id: ID!, $outcome: DecisionOutcome!, $basis: String!'), { id: matterId, outcome, basis: legalBasis }),
    record: (actor: Actor, matterId: string) => run(actor, op('recordFiling', 'matterId: $id', '$id: ID!'), { id: matterId }),
    withdraw: (actor: Actor, matterId: string) => run(actor, op('withdrawMatter', 'matterId: $id, reason: "改期申请"', '$id: ID!'), { id: matterId }),
    issueLicence: (actor: Actor, matterId: string) =>
      t.as(actor)<{ issueLicence: { licence: { number: string; status: string; issuedOn: string }; institution: { id: string; licence: { number: string } } } }>(
        'mutation($id: ID!) { issueLicence(matterId: $id) { licence { number status issuedOn } institution { id licence { number } } } }',
        { id: matterId },
      ),
    get: async (actor: Actor, id: string) => (await t.as(actor)<{ matter: MatterJson | null }>(`query($id: ID!) { matter(id: $id) { ${MATTER_FIELDS} } }`, { id })).matter,
  };
}
