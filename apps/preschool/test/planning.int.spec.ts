import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope as Envelope } from '@edugraph/contracts';

type EventEnvelope = Envelope<Record<string, unknown>>;
import { createEnvelope } from '@edugraph/events';
import { anonymous, bureauStaff, eventually, parent, publishInstitutionRegistered, recordTopic, refusalOf, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { preschoolService } from '../src/service.ts';

const NOW = new Date('2026-11-25T02:00:00Z'); // 2026-11-25 in Shanghai
const clock = () => NOW;

/**
 * Licensing as preschool sees it (its real consumers are tested in apps/licensing): it answers
 * preschool.capacity-project.completed with a registration and preschool.case.passed with a
 * registration and a licence, each with causationId = the asking event's id.
 */
async function fakeLicensing(transport: TestService['transport'], published: EventEnvelope[]): Promise<void> {
  let sequence = 0;
  const send = async (e: EventEnvelope) => {
    published.push(e);
    await transport.publish(eventsTopic('licensing'), [{ key: e.aggregateId, value: JSON.stringify(e) }]);
  };
  await transport.subscribe({
    groupId: `fake-licensing-${randomUUID()}`,
    topics: [eventsTopic('preschool')],
    fromBeginning: true,
    handle: async (m) => {
      const asked = JSON.parse(m.value) as EventEnvelope;
      const p = asked.payload as Record<string, unknown>;
      const registration = asked.type === 'preschool.capacity-project.completed' ? (p['registration'] as { name: string; districtCode: string } | null) : asked.type === 'preschool.case.passed' ? { name: p['name'] as string, districtCode: p['districtCode'] as string } : null;
      if (!registration) return;
      const institutionId = randomUUID();
      const common = { aggregateType: 'Institution', aggregateId: institutionId, actor: asked.actor, correlationId: asked.correlationId, causationId: asked.id };
      const ownership = asked.type === 'preschool.case.passed' ? 'PRIVATE' : 'PUBLIC';
      await send(createEnvelope({ ...common, type: 'licensing.institution.registered', payload: { institutionId, name: registration.name, level: 'PRESCHOOL', ownership, districtCode: registration.districtCode } }));
      if (asked.type !== 'preschool.case.passed') return;
      sequence += 1;
      await send(createEnvelope({
        ...common,
        type: 'licensing.licence.issued',
        payload: { institutionId, matterId: p['caseId'] as string, licenceNumber: `教民14101012026${String(sequence).padStart(4, '0')}`, issuedOn: '2026-11-25', workingDaysAfterApproval: 0 },
      }));
    },
  });
}

const PROJECT = `id kind name districtCode plannedPlaces plannedOn kindergartenId state timeliness late placesCounted completedOn milestones { name plannedOn doneOn timeliness }`;
const CASE = `id state children childrenReplaced childrenWaiting closingReason rectifiable rectification { dueOn items overdue } placements { kindergartenId children } licence { licenceNumber institutionId issuedOn } closedOn`;
const KG = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Institution { id kindergarten { places enrolled inclusive } } } }`;

for (const database of await serviceTestDatabases()) describe(`preschool planning (${database.label}, in-process events)`, () => {
  let t: TestService;
  let published: EventEnvelope[];
  let licensingPublished: EventEnvelope[];
  beforeAll(async () => {
    t = await startTestService(preschoolService, { database, clock });
    published = (await recordTopic(t.transport, eventsTopic('preschool'))) as EventEnvelope[];
    licensingPublished = [];
    await fakeLicensing(t.transport, licensingPublished);
  });
  afterAll(() => t.stop());

  const staff = <T>(q: string, v: Record<string, unknown> = {}) => t.as(bureauStaff)<T>(q, v);
  const places = async (id: string) =>
    (await t.as(parent)<{ _entities: { kindergarten: { places: number; enrolled: number } | null }[] }>(KG, { r: [{ __typename: 'Institution', id }] }))._entities[0]!.kindergarten;
  const start = (input: Record<string, unknown>) => staff<{ startCapacityProject: { project: { id: string; state: string } } }>(
    `mutation($input: StartCapacityProjectInput!) { startCapacityProject(input: $input) { project { ${PROJECT} } } }`, { input });
  const projectOp = (op: string, projectId: string, extra = '') => staff<Record<string, { project: Record<string, unknown> }>>(`mutation { ${op}(projectId: "${projectId}"${extra}) { project { ${PROJECT} } } }`);
  const caseOp = (op: string, args: string) => staff<Record<string, { case: Record<string, unknown> }>>(`mutation { ${op}(${args}) { case { ${CASE} } } }`);
  const openCase = async (districtCode: string, children: number, hazards: { description: string; serious: boolean }[] = []) =>
    (await staff<{ openUnlicensedCase: { case: { id: string } } }>(`mutation($i: OpenUnlicensedCaseInput!) { openUnlicensedCase(input: $i) { case { ${CASE} } } }`, {
      i: { name: `无证园${randomUUID().slice(0, 6)}`, address: '城南路1号', districtCode, children, hazards },
    })).openUnlicensedCase.case.id;

  it('completes a new build: licensing registers the kindergarten, and its places count from then', async () => {
    const d = `NB-${randomUUID().slice(0, 6)}`;
    const name = `城南第三幼儿园${d}`;
    const p = (await start({ kind: 'NEW_BUILD', name, districtCode: d, plannedPlaces: 270, plannedOn: '2027-08-31', milestones: [{ name: '主体封顶', plannedOn: '2027-03-31' }] })).startCapacityProject.project;
    expect(p.state).toBe('PLANNED');
    await projectOp('beginConstruction', p.id, ', on: "2026-11-01"');
    expect(await refusalOf(projectOp('completeCapacityProject', p.id))).toMatchObject({ code: 'MILESTONES_OPEN' });
    await projectOp('completeProjectMilestone', p.id, ', name: "主体封顶", doneOn: "2026-11-20"');
    const done = (await projectOp('completeCapacityProject', p.id)).completeCapacityProject!.project;
    expect(done).toMatchObject({ state: 'COMPLETED', completedOn: '2026-11-25', placesCounted: false, kindergartenId: null });
    const registered = await eventually(async () => {
      const e = licensingPublished.find((x) => x.type === 'licensing.institution.registered' && x.payload['name'] === name);
      expect(e).toBeDefined();
      return e!;
    });
    expect(registered.payload).toMatchObject({ level: 'PRESCHOOL', ownership: 'PUBLIC', districtCode: d });
    const kid = registered.payload['institutionId'] as string;
    await eventually(async () => expect(await places(kid)).toEqual({ places: 270, enrolled: 0, inclusive: true }));
    const list = await t.as(anonymous)<{ capacityProjects: { nodes: { id: string; placesCounted: boolean; kindergartenId: string }[]; totalCount: number } }>(
      `query($f: CapacityProjectFilter) { capacityProjects(filter: $f) { nodes { id placesCounted kindergartenId } totalCount pageInfo { hasNextPage endCursor } } }`, { f: { districtCode: d } });
    expect(list.capacityProjects).toMatchObject({ totalCount: 1, nodes: [{ id: p.id, placesCounted: true, kindergartenId: kid }] });
    const completed = published.find((e) => e.type === 'preschool.capacity-project.completed' && e.aggregateId === p.id)!;
    expect(registered.causationId).toBe(completed.id);
  });

  it('adds a rebuild’s places to its kindergarten at completion, and refuses bad input with nothing written', async () => {
    const { payload } = await publishInstitutionRegistered(t.transport, { level: 'PRESCHOOL', ownership: 'PUBLIC', districtCode: 'RB1' });
    await eventually(async () => expect(await places(payload.institutionId)).not.toBeNull());
    const bad = (input: Record<string, unknown>) => refusalOf(start({ kind: 'REBUILD', name: '改扩建', districtCode: 'RB1', plannedPlaces: 60, plannedOn: '2027-06-30', kindergartenId: payload.institutionId, ...input }));
    expect(await bad({ plannedPlaces: -5 })).toMatchObject({ code: 'INVALID_PLACES' });
    expect(await bad({ plannedOn: '2027-02-30' })).toMatchObject({ code: 'INVALID_DATE' });
    expect(await bad({ kindergartenId: null })).toMatchObject({ code: 'KINDERGARTEN_REQUIRED' });
    expect(await bad({ kind: 'NEW_BUILD' })).toMatchObject({ code: 'KINDERGARTEN_NOT_ALLOWED' });
    expect(await refusalOf(t.as(parent)(`mutation { cancelCapacityProject(projectId: "${randomUUID()}", reason: "x") { project { id } } }`))).toMatchObject({ code: 'FORBIDDEN' });
    const p = (await start({ kind: 'REBUILD', name: '改扩建', districtCode: 'RB1', plannedPlaces: 60, plannedOn: '2027-06-30', kindergartenId: payload.institutionId })).startCapacityProject.project;
    expect(await refusalOf(projectOp('completeCapacityProject', p.id))).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await places(payload.institutionId)).toMatchObject({ places: 0 });
    await projectOp('beginConstruction', p.id);
    const done = (await projectOp('completeCapacityProject', p.id)).completeCapacityProject!.project;
    expect(done).toMatchObject({ state: 'COMPLETED', placesCounted: true });
    expect(await places(payload.institutionId)).toMatchObject({ places: 60 });
    const late = await t.as(anonymous)<{ capacityProjects: { totalCount: number } }>(`{ capacityProjects(filter: { districtCode: "RB1", lateOnly: true }) { totalCount } }`);
    expect(late.capacityProjects.totalCount).toBe(0);
  });

  it('reports coverage per district against the targets, and the planning gaps', async () => {
    const d = `CV-${randomUUID().slice(0, 6)}`;
    const { payload } = await publishInstitutionRegistered(t.transport, { level: 'PRESCHOOL', ownership: 'PUBLIC', districtCode: d });
    await eventually(() => staff(`mutation { setKindergartenPlaces(input: { institutionId: "${payload.institutionId}", places: 400 }) { kindergarten { places } } }`));
    const setPop = (children: unknown) => staff(`mutation($c: Int!) { setPreschoolPopulation(districtCode: "${d}", year: 2026, children: $c) { population { children } } }`, { c: children });
    expect(await refusalOf(setPop(-1))).toMatchObject({ code: 'INVALID_CHILD_COUNT' });
    expect((await refusalOf(setPop(2.5))).code).toBeDefined();
    expect(await refusalOf(t.as(parent)(`mutation { setPreschoolPopulation(districtCode: "${d}", year: 2026, children: 5) { population { children } } }`))).toMatchObject({ code: 'FORBIDDEN' });
    await setPop(400);
    await setPop(500);
    const r = await t.as(anonymous)<{ coverage: { byDistrict: Record<string, unknown>[]; belowTarget: string[]; targets: { coveragePerMille: number } } }>(
      `{ coverage(year: 2026) { byDistrict { districtCode area placesByArea { urbanPlaces ruralPlaces } children places inclusivePlaces coverageRate inclusiveRate coverage { perMille percent } inclusive { perMille } coverageMet } targets { coveragePerMille inclusivePerMille } belowTarget } }`);
    expect(r.coverage.byDistrict.find((x) => x['districtCode'] === d)).toEqual({
      districtCode: d, area: 'URBAN', placesByArea: { urbanPlaces: 400, ruralPlaces: 0 }, children: 500, places: 400, inclusivePlaces: 400,
      coverageRate: 0.8, inclusiveRate: 1, coverage: { perMille: 800, percent: '80.0%' }, inclusive: { perMille: 1000 }, coverageMet: false,
    });
    expect(r.coverage.belowTarget).toContain(d);
    expect(r.coverage.targets.coveragePerMille).toBe(900);
    const gaps = await t.as(anonymous)<{ planningGaps: { districtCode: string; placesMissing: number }[] }>(`{ planningGaps(year: 2026) { districtCode placesMissing inclusivePlacesMissing } }`);
    expect(gaps.planningGaps.find((g) => g.districtCode === d)).toEqual({ districtCode: d, placesMissing: 50, inclusivePlacesMissing: 0 });
    expect(await refusalOf(t.as(anonymous)(`{ coverage(year: 2040) { belowTarget } }`))).toMatchObject({ code: 'TARGET_NOT_SET' });
    await eventually(async () =>
      expect(published.filter((e) => e.type === 'preschool.population.set' && e.payload['districtCode'] === d).map((e) => e.payload['previous'])).toEqual([null, 400]),
    );
  });

  it('licenses an unlicensed kindergarten that passes re-inspection, through licensing', async () => {
    const d = `UL-${randomUUID().slice(0, 6)}`;
    const id = await openCase(d, 40, [{ description: '消防通道堵塞', serious: false }]);
    expect((await caseOp('assessUnlicensedCase', `caseId: "${id}", licenceBasis: true`)).assessUnlicensedCase!.case).toMatchObject({ state: 'OPEN', rectifiable: true });
    expect(await refusalOf(caseOp('orderRectification', `caseId: "${id}", dueOn: "2026-12-31", items: []`))).toMatchObject({ code: 'ITEMS_REQUIRED' });
    await caseOp('orderRectification', `caseId: "${id}", dueOn: "2026-12-31", items: ["疏通消防通道"]`);
    const passed = (await caseOp('reinspect', `caseId: "${id}", passed: true, findings: []`)).reinspect!.case;
    expect(passed).toMatchObject({ state: 'PASSED' });
    const licensed = await eventually(async () => {
      const r = await staff<{ unlicensedCases: { nodes: { id: string; state: string; licence: { licenceNumber: string; institutionId: string } | null }[] } }>(
        `{ unlicensedCases(filter: { districtCode: "${d}" }) { nodes { id state licence { licenceNumber institutionId issuedOn } } totalCount } }`);
      expect(r.unlicensedCases.nodes[0]).toMatchObject({ id, state: 'LICENSED' });
      return r.unlicensedCases.nodes[0]!;
    });
    expect(licensed.licence!.licenceNumber).toMatch(/^教民14101012026\d{4}$/u);
    expect(licensingPublished.find((e) => e.type === 'licensing.institution.registered' && e.payload['institutionId'] === licensed.licence!.institutionId)?.payload).toMatchObject({ ownership: 'PRIVATE', level: 'PRESCHOOL' });
    await eventually(async () => expect(await places(licensed.licence!.institutionId)).toMatchObject({ inclusive: false }));
    expect(await refusalOf(t.as(parent)(`{ unlicensedCases { totalCount } }`))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('closes a hazardous kindergarten only once every child is re-placed, nearest with free places first', async () => {
    const d = `CL-${randomUUID().slice(0, 6)}`;
    const near = await publishInstitutionRegistered(t.transport, { level: 'PRESCHOOL', ownership: 'PUBLIC', districtCode: d });
    const far = await publishInstitutionRegistered(t.transport, { level: 'PRESCHOOL', ownership: 'PUBLIC', districtCode: d });
    const full = await publishInstitutionRegistered(t.transport, { level: 'PRESCHOOL', ownership: 'PUBLIC', districtCode: d });
    const setPlaces = (k: string, n: number) => eventually(() => staff(`mutation { setKindergartenPlaces(input: { institutionId: "${k}", places: ${n} }) { kindergarten { places } } }`));
    await setPlaces(near.payload.institutionId, 10);
    await setPlaces(far.payload.institutionId, 30);
    await setPlaces(full.payload.institutionId, 0);
    const id = await openCase(d, 25, [{ description: '危房', serious: true }]);
    expect((await caseOp('assessUnlicensedCase', `caseId: "${id}", licenceBasis: true`)).assessUnlicensedCase!.case).toMatchObject({ state: 'CLOSING', closingReason: 'SERIOUS_HAZARDS', childrenWaiting: 25 });
    expect(await refusalOf(caseOp('reinspect', `caseId: "${id}", passed: true, findings: []`))).toMatchObject({ code: 'CASE_CLOSED' });
    const proposal = await staff<{ divertChildren: { proposals: { kindergartenId: string; children: number; distanceMetres: number | null }[]; unplaced: number } }>(
      `query($d: [KindergartenDistanceInput!]) { divertChildren(caseId: "${id}", distances: $d) { caseId waiting proposals { kindergartenId districtCode distanceMetres children } unplaced } }`,
      { d: [{ kindergartenId: near.payload.institutionId, metres: 300 }, { kindergartenId: far.payload.institutionId, metres: 2500 }] },
    );
    expect(proposal.divertChildren.proposals.slice(0, 2)).toEqual([
      expect.objectContaining({ kindergartenId: near.payload.institutionId, children: 10, distanceMetres: 300 }),
      expect.objectContaining({ kindergartenId: far.payload.institutionId, children: 15, distanceMetres: 2500 }),
    ]);
    expect(proposal.divertChildren.proposals.map((p) => p.kindergartenId)).not.toContain(full.payload.institutionId);
    const placementsArg = (k: string, n: number) => `caseId: "${id}", placements: [{ kindergartenId: "${k}", children: ${n} }]`;
    expect(await refusalOf(caseOp('confirmDiversion', placementsArg(full.payload.institutionId, 5)))).toMatchObject({ code: 'KINDERGARTEN_FULL' });
    expect(await refusalOf(caseOp('confirmDiversion', placementsArg(near.payload.institutionId, 11)))).toMatchObject({ code: 'KINDERGARTEN_FULL' });
    expect(await refusalOf(caseOp('confirmDiversion', placementsArg(near.payload.institutionId, -1)))).toMatchObject({ code: 'INVALID_PLACEMENT' });
    expect(await places(near.payload.institutionId)).toMatchObject({ enrolled: 0 });
    const first = (await caseOp('confirmDiversion', placementsArg(near.payload.institutionId, 10))).confirmDiversion!.case;
    expect(first).toMatchObject({ childrenReplaced: 10, childrenWaiting: 15 });
    expect(await places(near.payload.institutionId)).toMatchObject({ enrolled: 10 });
    expect(await refusalOf(caseOp('closeKindergarten', `caseId: "${id}"`))).toMatchObject({ code: 'CHILDREN_WAITING' });
    await caseOp('confirmDiversion', placementsArg(far.payload.institutionId, 15));
    const closed = (await caseOp('closeKindergarten', `caseId: "${id}"`)).closeKindergarten!.case;
    expect(closed).toMatchObject({ state: 'CLOSED', childrenWaiting: 0, closedOn: '2026-11-25' });
    expect(await refusalOf(caseOp('reinspect', `caseId: "${id}", passed: true, findings: []`))).toMatchObject({ code: 'CASE_CLOSED' });
    await eventually(async () =>
      expect(published.filter((e) => e.aggregateId === id).map((e) => e.type)).toEqual([
        'preschool.case.opened', 'preschool.case.closing', 'preschool.case.children-placed', 'preschool.case.children-placed', 'preschool.case.closed',
      ]));
  });

  it('closes a case whose re-inspection failed, and refuses a negative child count', async () => {
    expect(await refusalOf(staff(`mutation { openUnlicensedCase(input: { name: "x", address: "y", districtCode: "D", children: -3, hazards: [] }) { case { id } } }`))).toMatchObject({ code: 'INVALID_CASE' });
    const id = await openCase('FL1', 0);
    await caseOp('assessUnlicensedCase', `caseId: "${id}", licenceBasis: true`);
    await caseOp('orderRectification', `caseId: "${id}", dueOn: "2026-12-31", items: ["整改"]`);
    expect(await refusalOf(caseOp('reinspect', `caseId: "${id}", passed: false, findings: []`))).toMatchObject({ code: 'FINDINGS_REQUIRED' });
    expect(await refusalOf(caseOp('closeOverdueCase', `caseId: "${id}"`))).toMatchObject({ code: 'NOT_OVERDUE' });
    const failed = (await caseOp('reinspect', `caseId: "${id}", passed: false, findings: ["仍无消防验收"]`)).reinspect!.case;
    expect(failed).toMatchObject({ state: 'CLOSING', closingReason: 'FAILED_REINSPECTION' });
    expect((await caseOp('closeKindergarten', `caseId: "${id}"`)).closeKindergarten!.case).toMatchObject({ state: 'CLOSED' });
  });

  it('ignores a licence issued for anything but a case it asked for', async () => {
    const envelope = createEnvelope({
      type: 'licensing.licence.issued', aggregateType: 'Institution', aggregateId: randomUUID(), actor: { id: 'x', kind: 'person' }, correlationId: randomUUID(), causationId: randomUUID(),
      payload: { institutionId: randomUUID(), matterId: randomUUID(), licenceNumber: '教民141010120260999', issuedOn: '2026-11-25', workingDaysAfterApproval: 0 },
    });
    await t.transport.publish(eventsTopic('licensing'), [{ key: envelope.aggregateId, value: JSON.stringify(envelope) }]);
    await t.transport.idle();
  });
});
