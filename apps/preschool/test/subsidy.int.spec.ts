import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@edugraph/auth';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { bureauStaff, entitiesQuery, eventually, institutionStaff, leadership, parent, publishInstitutionRegistered, recordTopic, refusalOf, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { preschoolService } from '../src/service.ts';

const financeAudit: Actor = { ...bureauStaff, id: 'finance-audit-1', office: 'FINANCE_AUDIT' };
// 2026-10-15 in Shanghai: school year 2026.
const clock = () => new Date('2026-10-15T02:00:00Z');

const SUBSIDY = 'subsidy { kindergartenId schoolYear status amountFen amountYuan approvedFen disbursedFen undisbursedFen entries { kind amountFen enrolled rateFen voucherNo } }';
const KG = 'kindergarten { places enrolled inclusive kind area nonProfit monthlyFeeFen rosters { schoolYear enrolled } recognitions { schoolYear monthlyFeeFen capFen documentNo } }';
const PLACES = `mutation($input: SetKindergartenPlacesInput!) { setKindergartenPlaces(input: $input) { kindergarten { places } } }`;
const PROFILE = `mutation($input: SetKindergartenProfileInput!) { setKindergartenProfile(input: $input) { ${KG} } }`;
const ROSTER = `mutation($k: ID!, $y: Int!, $n: Int!) { recordRoster(kindergartenId: $k, schoolYear: $y, enrolled: $n) { ${KG} } }`;
const RECOGNIZE = `mutation($k: ID!, $y: Int!, $d: InclusiveDecisionInput!) { recognizeInclusive(kindergartenId: $k, schoolYear: $y, decision: $d) { ${KG} } }`;
const COMPUTE = `mutation($k: ID!, $y: Int!) { computeSubsidy(kindergartenId: $k, schoolYear: $y) { ${SUBSIDY} } }`;
const APPROVE = `mutation($k: ID!, $y: Int!) { approveSubsidy(kindergartenId: $k, schoolYear: $y) { ${SUBSIDY} } }`;
const DISBURSE = `mutation($k: ID!, $y: Int!, $a: Int!, $v: String!) { recordDisbursement(kindergartenId: $k, schoolYear: $y, amountFen: $a, voucherNo: $v) { ${SUBSIDY} } }`;
const RECOVER = `mutation($k: ID!, $y: Int!, $a: Int!, $v: String!) { recordSubsidyRecovery(kindergartenId: $k, schoolYear: $y, amountFen: $a, voucherNo: $v) { ${SUBSIDY} } }`;
const RATE = `mutation($y: Int!, $f: Int!, $b: String!) { setSubsidyRate(schoolYear: $y, perChildFen: $f, basis: $b) { rate { schoolYear perChildFen perChildYuan } } }`;
const LEDGER = `query($y: Int!) { subsidyLedger(schoolYear: $y) {
  schoolYear rate { perChildFen } entitledFen entitledYuan approvedFen disbursedFen disbursedYuan undisbursedFen entryCount
  kindergartens { kindergartenId status entitledFen approvedFen disbursedFen } entries { kindergartenId kind amountFen voucherNo } } }`;

interface Subsidy {
  status: string;
  amountFen: number;
  approvedFen: number;
  disbursedFen: number;
  undisbursedFen: number;
  entries: { kind: string; amountFen: number; enrolled: number | null; rateFen: number | null; voucherNo: string | null }[];
}
interface Ledger {
  entitledFen: number;
  approvedFen: number;
  disbursedFen: number;
  undisbursedFen: number;
  entryCount: number;
  entitledYuan: string;
  disbursedYuan: string;
  rate: { perChildFen: number } | null;
  kindergartens: { kindergartenId: string; status: string; entitledFen: number; approvedFen: number; disbursedFen: number }[];
  entries: { kindergartenId: string; kind: string; amountFen: number; voucherNo: string | null }[];
}

for (const database of await serviceTestDatabases()) describe(`preschool rosters, recognition and subsidies (${database.label})`, () => {
  let t: TestService;
  let published: EventEnvelope[];
  beforeAll(async () => {
    t = await startTestService(preschoolService, { database, clock });
    published = await recordTopic(t.transport, eventsTopic('preschool'));
  });
  afterAll(() => t.stop());

  const as = (actor: Actor) => t.as(actor);
  const subsidyOf = (r: unknown) => Object.values(r as Record<string, { subsidy: Subsidy }>)[0]!.subsidy;

  async function privateKindergarten(places: number): Promise<string> {
    const { payload } = await publishInstitutionRegistered(t.transport, { level: 'PRESCHOOL', ownership: 'PRIVATE', districtCode: 'D07' });
    await eventually(() => as(bureauStaff)(PLACES, { input: { institutionId: payload.institutionId, places } }));
    return payload.institutionId;
  }
  const profile = (k: string, nonProfit: boolean, area = 'RURAL', monthlyFeeFen: number | null = 50_000) =>
    as(bureauStaff)(PROFILE, { input: { institutionId: k, area, nonProfit, monthlyFeeFen } });
  /** Waits until the kindergarten's events include `expected` (the relay publishes after the commit). */
  const eventsInclude = (k: string, expected: string[]) =>
    eventually(async () => expect(published.filter((e) => e.aggregateId === k).map((e) => e.type)).toEqual(expect.arrayContaining(expected)));

  let k1 = '';
  let staff: Actor = parent;

  it('records a roster by the kindergarten’s own staff and refuses bad counts and other staff', async () => {
    k1 = await privateKindergarten(100);
    staff = institutionStaff(k1);
    const r = await as(staff)<{ recordRoster: { kindergarten: { enrolled: number; rosters: unknown } } }>(ROSTER, { k: k1, y: 2026, n: 80 });
    expect(r.recordRoster.kindergarten).toMatchObject({ enrolled: 80, rosters: [{ schoolYear: 2026, enrolled: 80 }] });
    expect(await refusalOf(as(staff)(ROSTER, { k: k1, y: 2026, n: 101 }))).toEqual({ code: 'ABOVE_PLACES', message: '101 children is above the 100 approved places' });
    expect((await refusalOf(as(staff)(ROSTER, { k: k1, y: 2026, n: -1 }))).code).toBe('INVALID_ENROLLED');
    expect((await refusalOf(as(staff)(ROSTER, { k: k1, y: 2026, n: 2.5 }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(as(institutionStaff('00000000-0000-7000-8000-000000000002'))(ROSTER, { k: k1, y: 2026, n: 10 }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(as(parent)(ROSTER, { k: k1, y: 2026, n: 10 }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(as(bureauStaff)(ROSTER, { k: '00000000-0000-7000-8000-0000000000aa', y: 2026, n: 10 }))).code).toBe('NOT_FOUND');
    await eventsInclude(k1, ['preschool.roster.recorded']);
  });

  it('recognises only a non-profit private kindergarten with a profile, within the fee cap, for that year', async () => {
    const decision = { documentNo: '普惠认字〔2026〕1号' };
    expect((await refusalOf(as(bureauStaff)(RECOGNIZE, { k: k1, y: 2026, d: decision }))).code).toBe('PROFILE_NOT_SET');
    await profile(k1, false);
    expect((await refusalOf(as(bureauStaff)(RECOGNIZE, { k: k1, y: 2026, d: decision }))).code).toBe('FOR_PROFIT_NOT_ELIGIBLE');
    const forProfit = await refusalOf(as(bureauStaff)(COMPUTE, { k: k1, y: 2026 }));
    expect(forProfit).toMatchObject({ code: 'NOT_RECOGNISED' });
    expect(forProfit.message).toContain('for-profit');
    await profile(k1, true);
    expect((await refusalOf(as(bureauStaff)(RECOGNIZE, { k: k1, y: 2026, d: { ...decision, monthlyFeeFen: 60_001 } }))).code).toBe('FEE_ABOVE_CAP');
    expect((await refusalOf(as(staff)(RECOGNIZE, { k: k1, y: 2026, d: decision }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(as(bureauStaff)(COMPUTE, { k: k1, y: 2026 }))).code).toBe('NOT_RECOGNISED');
    const r = await as(bureauStaff)<{ recognizeInclusive: { kindergarten: Record<string, unknown> } }>(RECOGNIZE, { k: k1, y: 2026, d: decision });
    expect(r.recognizeInclusive.kindergarten).toMatchObject({
      kind: 'INCLUSIVE_PRIVATE',
      inclusive: true,
      area: 'RURAL',
      nonProfit: true,
      recognitions: [{ schoolYear: 2026, monthlyFeeFen: 50_000, capFen: 60_000, documentNo: '普惠认字〔2026〕1号' }],
    });
    expect((await refusalOf(as(bureauStaff)(RECOGNIZE, { k: k1, y: 2026, d: decision }))).code).toBe('ALREADY_RECOGNISED');
    const next = await as(parent)<{ _entities: { kindergarten: { kind: string } }[] }>(entitiesQuery('kindergarten { kind(schoolYear: 2027) }'), { r: [{ __typename: 'Institution', id: k1 }] });
    expect(next._entities[0]!.kindergarten.kind).toBe('PRIVATE');
    await eventsInclude(k1, ['preschool.kindergarten.profile-set', 'preschool.kindergarten.recognised-inclusive']);
  });

  it('computes, approves (财审科 only, once) and disburses exactly the approved amount', async () => {
    expect((await refusalOf(as(financeAudit)(APPROVE, { k: k1, y: 2026 }))).code).toBe('NOT_COMPUTED');
    expect((await refusalOf(as(staff)(COMPUTE, { k: k1, y: 2026 }))).code).toBe('FORBIDDEN');
    const computed = subsidyOf(await as(bureauStaff)(COMPUTE, { k: k1, y: 2026 }));
    expect(computed).toMatchObject({ status: 'COMPUTED', amountFen: 1_600_000, entries: [{ kind: 'COMPUTED', amountFen: 1_600_000, enrolled: 80, rateFen: 20_000 }] });
    expect((await refusalOf(as(bureauStaff)(COMPUTE, { k: k1, y: 2026 }))).code).toBe('UNCHANGED');
    expect((await refusalOf(as(bureauStaff)(APPROVE, { k: k1, y: 2026 }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(as(financeAudit)(DISBURSE, { k: k1, y: 2026, a: 1_600_000, v: 'PZ-2026-0001' }))).code).toBe('NOT_APPROVED');
    expect(subsidyOf(await as(financeAudit)(APPROVE, { k: k1, y: 2026 }))).toMatchObject({ status: 'APPROVED', approvedFen: 1_600_000, undisbursedFen: 1_600_000 });
    expect((await refusalOf(as(financeAudit)(APPROVE, { k: k1, y: 2026 }))).code).toBe('ALREADY_APPROVED');
    const mismatch = await refusalOf(as(financeAudit)(DISBURSE, { k: k1, y: 2026, a: 1_500_000, v: 'PZ-2026-0001' }));
    expect(mismatch).toEqual({ code: 'DISBURSEMENT_MISMATCH', message: 'the approved unpaid amount is ¥16,000.00, not ¥15,000.00' });
    expect((await refusalOf(as(bureauStaff)(DISBURSE, { k: k1, y: 2026, a: 1_600_000, v: 'PZ-2026-0001' }))).code).toBe('FORBIDDEN');
    // Nothing half-written: the refusals left the ledger as it was.
    const before = await as(financeAudit)<{ subsidyLedger: Ledger }>(LEDGER, { y: 2026 });
    expect(before.subsidyLedger.entryCount).toBe(2);
    const paid = subsidyOf(await as(financeAudit)(DISBURSE, { k: k1, y: 2026, a: 1_600_000, v: 'PZ-2026-0001' }));
    expect(paid).toMatchObject({ status: 'DISBURSED', disbursedFen: 1_600_000, undisbursedFen: 0 });
    expect((await refusalOf(as(financeAudit)(DISBURSE, { k: k1, y: 2026, a: 1, v: 'PZ-2026-0009' }))).code).toBe('NOTHING_TO_DISBURSE');
    await t.transport.idle();
    const disbursed = await eventually(async () => {
      const e = published.find((x) => x.type === 'preschool.subsidy.disbursed' && x.aggregateId === k1);
      expect(e).toBeDefined();
      return e!;
    });
    expect(disbursed.payload).toMatchObject({ kindergartenId: k1, institutionId: k1, schoolYear: 2026, amountFen: 1_600_000, voucherNo: 'PZ-2026-0001', disbursedOn: '2026-10-15', applicantId: staff.id });
    await eventsInclude(k1, ['preschool.subsidy.computed', 'preschool.subsidy.approved', 'preschool.subsidy.disbursed']);
  });

  it('locks the rate of a year with a disbursement, and sets another year’s', async () => {
    const locked = await refusalOf(as(financeAudit)(RATE, { y: 2026, f: 30_000, b: '市财政局通知' }));
    expect(locked.code).toBe('RATE_LOCKED');
    expect((await refusalOf(as(bureauStaff)(RATE, { y: 2027, f: 30_000, b: '市财政局通知' }))).code).toBe('FORBIDDEN');
    const r = await as(financeAudit)<{ setSubsidyRate: { rate: unknown } }>(RATE, { y: 2027, f: 30_000, b: '市财政局 2027 年普惠性民办园补助标准' });
    expect(r.setSubsidyRate.rate).toEqual({ schoolYear: 2027, perChildFen: 30_000, perChildYuan: '¥300.00' });
    const ledger2027 = await as(leadership)<{ subsidyLedger: Ledger }>(LEDGER, { y: 2027 });
    expect(ledger2027.subsidyLedger.rate).toEqual({ perChildFen: 30_000 });
  });

  it('posts a roster correction as an adjustment, never editing history, and recovers an overpayment', async () => {
    await as(staff)(ROSTER, { k: k1, y: 2026, n: 90 });
    const up = subsidyOf(await as(bureauStaff)(COMPUTE, { k: k1, y: 2026 }));
    expect(up).toMatchObject({ status: 'ADJUSTED', amountFen: 1_800_000 });
    expect(up.entries.map((e) => [e.kind, e.amountFen])).toEqual([['COMPUTED', 1_600_000], ['APPROVED', 1_600_000], ['DISBURSED', 1_600_000], ['ADJUSTMENT', 200_000]]);
    expect((await refusalOf(as(financeAudit)(DISBURSE, { k: k1, y: 2026, a: 200_000, v: 'PZ-2026-0002' }))).code).toBe('APPROVAL_OUTDATED');
    await as(financeAudit)(APPROVE, { k: k1, y: 2026 });
    expect((await refusalOf(as(financeAudit)(DISBURSE, { k: k1, y: 2026, a: 200_000, v: 'PZ-2026-0001' }))).code).toBe('DUPLICATE_VOUCHER');
    expect(subsidyOf(await as(financeAudit)(DISBURSE, { k: k1, y: 2026, a: 200_000, v: 'PZ-2026-0002' }))).toMatchObject({ status: 'DISBURSED', disbursedFen: 1_800_000 });

    await as(staff)(ROSTER, { k: k1, y: 2026, n: 70 });
    const down = subsidyOf(await as(bureauStaff)(COMPUTE, { k: k1, y: 2026 }));
    expect(down).toMatchObject({ status: 'OVERPAID', amountFen: 1_400_000 });
    expect((await refusalOf(as(financeAudit)(APPROVE, { k: k1, y: 2026 }))).code).toBe('RECOVERY_REQUIRED');
    expect((await refusalOf(as(financeAudit)(RECOVER, { k: k1, y: 2026, a: 1, v: 'HK-2026-0001' }))).code).toBe('RECOVERY_MISMATCH');
    await as(financeAudit)(RECOVER, { k: k1, y: 2026, a: 400_000, v: 'HK-2026-0001' });
    const settled = subsidyOf(await as(financeAudit)(APPROVE, { k: k1, y: 2026 }));
    expect(settled).toMatchObject({ status: 'DISBURSED', amountFen: 1_400_000, approvedFen: 1_400_000, disbursedFen: 1_400_000, undisbursedFen: 0 });
    expect(settled.entries.map((e) => e.kind)).toEqual(['COMPUTED', 'APPROVED', 'DISBURSED', 'ADJUSTMENT', 'APPROVED', 'DISBURSED', 'ADJUSTMENT', 'RECOVERED', 'APPROVED']);
    await eventsInclude(k1, ['preschool.roster.corrected', 'preschool.subsidy.recovered']);
  });

  it('sums the year’s ledger exactly, and shows the subsidy on Institution.kindergarten in one batch', async () => {
    const k2 = await privateKindergarten(40);
    await as(institutionStaff(k2))(ROSTER, { k: k2, y: 2026, n: 33 });
    await profile(k2, true, 'URBAN', 100_000);
    await as(bureauStaff)(RECOGNIZE, { k: k2, y: 2026, d: { documentNo: '普惠认字〔2026〕2号' } });
    await as(bureauStaff)(COMPUTE, { k: k2, y: 2026 });
    await as(financeAudit)(APPROVE, { k: k2, y: 2026 });

    expect((await refusalOf(as(parent)(LEDGER, { y: 2026 }))).code).toBe('FORBIDDEN');
    const { subsidyLedger: l } = await as(leadership)<{ subsidyLedger: Ledger }>(LEDGER, { y: 2026 });
    expect(l).toMatchObject({ entitledFen: 1_400_000 + 660_000, approvedFen: 1_400_000 + 660_000, disbursedFen: 1_400_000, undisbursedFen: 660_000, entitledYuan: '¥20,600.00', disbursedYuan: '¥14,000.00', entryCount: 11 });
    const sum = (f: (x: Ledger['kindergartens'][number]) => number) => l.kindergartens.reduce((s, x) => s + f(x), 0);
    expect([sum((x) => x.entitledFen), sum((x) => x.approvedFen), sum((x) => x.disbursedFen)]).toEqual([l.entitledFen, l.approvedFen, l.disbursedFen]);
    expect(l.kindergartens.map((x) => [x.kindergartenId, x.status]).sort()).toEqual([[k1, 'DISBURSED'], [k2, 'APPROVED']].sort());
    expect(l.entries.reduce((s, e) => s + (['DISBURSED', 'RECOVERED'].includes(e.kind) ? e.amountFen : 0), 0)).toBe(l.disbursedFen);

    const r = await as(parent)<{ _entities: { kindergarten: unknown }[] }>(
      entitiesQuery('kindergarten { places enrolled inclusive kind area subsidy(schoolYear: 2026) { amountFen status } }'),
      { r: [{ __typename: 'Institution', id: k1 }, { __typename: 'Institution', id: k2 }] },
    );
    expect(r._entities.map((e) => e.kindergarten)).toEqual([
      { places: 100, enrolled: 70, inclusive: true, kind: 'INCLUSIVE_PRIVATE', area: 'RURAL', subsidy: { amountFen: 1_400_000, status: 'DISBURSED' } },
      { places: 40, enrolled: 33, inclusive: true, kind: 'INCLUSIVE_PRIVATE', area: 'URBAN', subsidy: { amountFen: 660_000, status: 'APPROVED' } },
    ]);
    const none = await as(parent)<{ _entities: { kindergarten: { subsidy: unknown } }[] }>(entitiesQuery('kindergarten { subsidy { amountFen status } }'), { r: [{ __typename: 'Institution', id: k2 }] });
    expect(none._entities[0]!.kindergarten.subsidy).toEqual({ amountFen: 660_000, status: 'APPROVED' });
  });
});
