import type { Actor } from '@edugraph/auth';
import { residentIdCheckCharacter } from '@edugraph/rules';
import type { TestService } from '@edugraph/testing';

/** A valid resident ID (GB 11643) born on the day; odd sequence digits are male. */
export function residentId(birthDate: string, sequence: number, area = '110101'): string {
  const first17 = `${area}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

export const admissions: Actor = { id: 'admissions-1', kind: 'person', roles: ['BUREAU_STAFF'], institutionId: null, office: 'ADMISSIONS', creditCode: null };
export const dataProtectionOfficer: Actor = { id: 'dpo-1', kind: 'person', roles: ['DATA_PROTECTION_OFFICER'], institutionId: null, office: null, creditCode: null };
export const guardian = (id: string): Actor => ({ id, kind: 'person', roles: ['PARENT'], institutionId: null, office: null, creditCode: null });

export const APPLICATION_FIELDS = `id year grade status child { name residentId birthDate sex } guardians { name residentId phone relation }
  documents { id type number status rejectionReason } missingDocuments noticesSent
  placement { kind school { id } districtCode explanation explanationEn round { seed } }`;

export interface ApplicationJson {
  id: string;
  status: string;
  child: { name: string; residentId: string; birthDate: string; sex: string };
  guardians: { name: string; residentId: string; phone: string; relation: string }[];
  documents: { id: string; type: string; number: string; status: string; rejectionReason: string | null }[];
  missingDocuments: string[];
  noticesSent: number;
  placement: { kind: string; school: { id: string } | null; districtCode: string | null; explanation: string; explanationEn: string; round: { seed: string | null } | null } | null;
}

/** A first-grader's application form for 2026 (born 2019-10-01 … so 6 by 31 August 2026). */
export function form(n: number, o: { district?: string; housing?: 'OWNER' | 'RENTER'; ranked?: string[]; since?: string } = {}) {
  const birthDate = `2019-${String(9 + (n % 3)).padStart(2, '0')}-${String(10 + (n % 18)).padStart(2, '0')}`;
  const id = residentId(birthDate, 100 + n * 2 + 1);
  return {
    year: 2026,
    grade: 1,
    child: { name: `王小${'明亮晨曦晓宇'[n % 6]}${n}`, residentId: id, birthDate, sex: 'MALE' },
    guardians: [{ name: `王建${n}`, residentId: residentId('1988-03-15', 200 + n * 2 + 1), phone: `1380013${String(1000 + n).slice(-4)}`, relation: 'FATHER' }],
    residenceDistrictCode: o.district ?? 'CG',
    housing: o.housing ?? 'OWNER',
    residenceSince: o.since ?? '2022-01-01',
    rankedSchoolIds: o.ranked ?? [],
  };
}

/** Application operations as the people who do them. */
export function applicationSteps(t: TestService) {
  const run = async (actor: Actor, mutation: string, variables: Record<string, unknown>): Promise<ApplicationJson> => {
    const data = await t.as(actor)<Record<string, { application: ApplicationJson }>>(mutation, variables);
    return Object.values(data)[0]!.application;
  };
  return {
    submit: (actor: Actor, input: unknown) =>
      run(actor, `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { application { ${APPLICATION_FIELDS} } } }`, { input }),
    addDocument: (actor: Actor, id: string, type: string, validUntil: string | null = null) =>
      run(actor, `mutation($id: ID!, $type: DocumentType!, $until: String) { addDocument(applicationId: $id, type: $type, number: "NO-2026-55667788", issuer: "城关派出所", validUntil: $until) { application { ${APPLICATION_FIELDS} } } }`, {
        id,
        type,
        until: validUntil,
      }),
    verify: (actor: Actor, id: string, documentId: string, outcome = 'VERIFIED', reason: string | null = null) =>
      run(actor, `mutation($id: ID!, $doc: ID!, $outcome: DocumentStatus!, $reason: String) { verifyDocument(applicationId: $id, documentId: $doc, outcome: $outcome, reason: $reason) { application { ${APPLICATION_FIELDS} } } }`, {
        id,
        doc: documentId,
        outcome,
        reason,
      }),
    notice: (actor: Actor, id: string) => run(actor, `mutation($id: ID!) { requestDocumentCorrections(applicationId: $id) { application { ${APPLICATION_FIELDS} } } }`, { id }),
    resubmit: (actor: Actor, id: string) => run(actor, `mutation($id: ID!) { resubmitApplication(applicationId: $id) { application { ${APPLICATION_FIELDS} } } }`, { id }),
    respond: (actor: Actor, id: string, response: string) =>
      run(actor, `mutation($id: ID!, $r: PlacementResponse!) { respondToPlacement(applicationId: $id, response: $r) { application { ${APPLICATION_FIELDS} } } }`, { id, r: response }),
    enrol: (actor: Actor, id: string) => run(actor, `mutation($id: ID!) { enrol(applicationId: $id) { application { ${APPLICATION_FIELDS} } } }`, { id }),
    get: async (actor: Actor, id: string) => (await t.as(actor)<{ application: ApplicationJson | null }>(`query($id: ID!) { application(id: $id) { ${APPLICATION_FIELDS} } }`, { id })).application,
    /** Adds the housing's documents and has the admissions office verify them all: READY. */
    ready: async (owner: Actor, id: string, housing: 'OWNER' | 'RENTER' = 'OWNER') => {
      const kinds = housing === 'OWNER' ? ['RESIDENCE_PERMIT', 'PROPERTY_CERTIFICATE'] : ['RESIDENCE_PERMIT', 'RENTAL_AGREEMENT', 'COMMUNITY_RESIDENCE_PROOF', 'PARENT_WORK_PROOF'];
      let latest: ApplicationJson | undefined;
      for (const kind of kinds) latest = await run(owner, `mutation($id: ID!, $type: DocumentType!) { addDocument(applicationId: $id, type: $type, number: "DOC-889900", issuer: "城关区", validUntil: "2030-12-31") { application { ${APPLICATION_FIELDS} } } }`, { id, type: kind });
      for (const d of latest!.documents) latest = await run(admissions, `mutation($id: ID!, $doc: ID!) { verifyDocument(applicationId: $id, documentId: $doc, outcome: VERIFIED) { application { ${APPLICATION_FIELDS} } } }`, { id, doc: d.id });
      return latest!;
    },
  };
}
