import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@edugraph/auth';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { anonymous, eventually, leadership, parent, recordTopic, refusalOf, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { addDays, todayInShanghai } from '@edugraph/rules';
import { feedbackService } from '../src/service.ts';

const FIELDS = `id title summary affectsPublic office officeName openedOn status missingSteps commentCount concludedOn
  steps { step name documentRef heldOn recordedBy office recordedOn }
  commentPeriod { state opensOn closesOn } answer { text answeredOn }`;
const OPEN = `mutation($input: OpenDecisionInput!) { openDecision(input: $input) { decision { ${FIELDS} } } }`;
const STEP = `mutation($decisionId: ID!, $step: MajorDecisionStepKind!, $documentRef: String!, $heldOn: String!) {
  recordDecisionStep(decisionId: $decisionId, step: $step, documentRef: $documentRef, heldOn: $heldOn) { decision { ${FIELDS} } } }`;
const OPEN_PERIOD = `mutation($decisionId: ID!) { openCommentPeriod(decisionId: $decisionId) { decision { ${FIELDS} } } }`;
const COMMENT = `mutation($decisionId: ID!, $text: String!) { commentOnDecision(decisionId: $decisionId, text: $text) { comment { id commentedOn } decision { ${FIELDS} } } }`;
const ANSWER = `mutation($decisionId: ID!, $answer: String!) { answerComments(decisionId: $decisionId, answer: $answer) { decision { ${FIELDS} } } }`;
const CONCLUDE = `mutation($decisionId: ID!) { concludeDecision(decisionId: $decisionId) { decision { ${FIELDS} } } }`;
const LIST = `query($status: MajorDecisionStatus, $first: Int, $after: String) { decisions(status: $status, first: $first, after: $after) { nodes { ${FIELDS} } pageInfo { hasNextPage endCursor } totalCount } }`;
const ONE = `query($id: ID!) { decision(id: $id) { ${FIELDS} } }`;
const COMMENTS = `query($decisionId: ID!, $first: Int, $after: String) { decisionComments(decisionId: $decisionId, first: $first, after: $after) { nodes { id text commentedOn } pageInfo { hasNextPage endCursor } totalCount } }`;

type Step = 'EXPERT_ARGUMENT' | 'RISK_ASSESSMENT' | 'LEGALITY_REVIEW' | 'COLLECTIVE_DISCUSSION';
interface DecisionOut {
  id: string;
  title: string;
  affectsPublic: boolean;
  office: string | null;
  status: string;
  missingSteps: Step[];
  commentCount: number;
  concludedOn: string | null;
  steps: { step: Step; name: string; documentRef: string; heldOn: string; recordedBy: string | null; office: string | null; recordedOn: string }[];
  commentPeriod: { state: string; opensOn: string | null; closesOn: string | null };
  answer: { text: string; answeredOn: string } | null;
}

const staffOf = (office: string, id = `staff-${office}`): Actor => ({ id, kind: 'person', roles: ['BUREAU_STAFF'], institutionId: null, office, creditCode: null });
const policyLaw = staffOf('POLICY_LAW');
const admissions = staffOf('ADMISSIONS');
const person = (id: string): Actor => ({ ...parent, id });
const citySystem: Actor = { id: 'system:city-12345', kind: 'system', roles: ['CITY_SYSTEM'], institutionId: null, office: null, creditCode: null };

const E: Step = 'EXPERT_ARGUMENT';
const R: Step = 'RISK_ASSESSMENT';
const L: Step = 'LEGALITY_REVIEW';
const C: Step = 'COLLECTIVE_DISCUSSION';
const DAY: Record<Step, string> = { EXPERT_ARGUMENT: '2026-03-10', RISK_ASSESSMENT: '2026-03-20', LEGALITY_REVIEW: '2026-04-01', COLLECTIVE_DISCUSSION: '2026-04-15' };
const ALL: Step[] = [E, R, L, C];

/**
 * Every combination of recorded steps, in the order recorded (each held on its usual day unless
 * given), the step recording refuses (STEP_OUT_OF_ORDER), and what concluding answers.
 */
const FOUR_STEP_TABLE: { recorded: (Step | [Step, string])[]; refused?: Step; conclude: 'CONCLUDED' | Step[] }[] = [
  { recorded: [], conclude: [E, R, L, C] },
  { recorded: [E], conclude: [R, L, C] },
  { recorded: [R], conclude: [E, L, C] },
  { recorded: [L], conclude: [E, R, C] },
  { recorded: [C], refused: C, conclude: [E, R, L, C] },
  { recorded: [E, R], conclude: [L, C] },
  { recorded: [E, L], conclude: [R, C] },
  { recorded: [E, C], refused: C, conclude: [R, L, C] },
  { recorded: [R, L], conclude: [E, C] },
  { recorded: [R, C], refused: C, conclude: [E, L, C] },
  { recorded: [L, C], conclude: [E, R] },
  { recorded: [E, R, L], conclude: [C] },
  { recorded: [E, R, C], refused: C, conclude: [L, C] },
  { recorded: [E, L, C], conclude: [R] },
  { recorded: [R, L, C], conclude: [E] },
  { recorded: [E, R, L, C], conclude: 'CONCLUDED' },
  // The others in any order; the collective discussion after the legality review, not held before it (the same day is fine).
  { recorded: [L, C, R, E], conclude: 'CONCLUDED' },
  { recorded: [C, E, R, L], refused: C, conclude: [C] },
  { recorded: [E, R, [L, '2026-04-15'], [C, '2026-04-14']], refused: C, conclude: [C] },
  { recorded: [E, R, [L, '2026-04-15'], [C, '2026-04-15']], conclude: 'CONCLUDED' },
];

// Tuesday 30 June 2026, 10:00 in Shanghai; tests move it.
let now = new Date('2026-06-30T02:00:00Z');
const setToday = (day: string) => {
  now = new Date(`${day}T02:00:00Z`);
};

for (const database of await serviceTestDatabases()) describe(`major decisions (${database.label}, in-process events)`, () => {
  let t: TestService;
  let published: EventEnvelope[];
  beforeAll(async () => {
    setToday('2026-06-30');
    t = await startTestService(feedbackService, { database, clock: () => now });
    published = await recordTopic(t.transport, eventsTopic('feedback'));
  });
  afterAll(() => t.stop());

  const open = (actor: Actor, input: Record<string, unknown>) =>
    t.as(actor)<{ openDecision: { decision: DecisionOut } }>(OPEN, { input: { title: '随迁子女入学积分办法修订', summary: '调整积分项目与分值。', affectsPublic: false, ...input } }).then((r) => r.openDecision.decision);
  const step = (actor: Actor, decisionId: string, s: Step, heldOn = DAY[s], documentRef = `教决〔2026〕${s}号`) =>
    t.as(actor)<{ recordDecisionStep: { decision: DecisionOut } }>(STEP, { decisionId, step: s, documentRef, heldOn }).then((r) => r.recordDecisionStep.decision);
  const openPeriod = (actor: Actor, decisionId: string) => t.as(actor)<{ openCommentPeriod: { decision: DecisionOut } }>(OPEN_PERIOD, { decisionId }).then((r) => r.openCommentPeriod.decision);
  const comment = (actor: Actor, decisionId: string, text = '建议将居住年限积分上限提高。') =>
    t.as(actor)<{ commentOnDecision: { comment: { id: string; commentedOn: string }; decision: DecisionOut } }>(COMMENT, { decisionId, text }).then((r) => r.commentOnDecision);
  const answer = (actor: Actor, decisionId: string, text = '共收到意见 2 条，采纳 1 条：居住年限积分上限由 10 分提高到 15 分。') =>
    t.as(actor)<{ answerComments: { decision: DecisionOut } }>(ANSWER, { decisionId, answer: text }).then((r) => r.answerComments.decision);
  const conclude = (actor: Actor, decisionId: string) => t.as(actor)<{ concludeDecision: { decision: DecisionOut } }>(CONCLUDE, { decisionId }).then((r) => r.concludeDecision.decision);
  const read = (actor: Actor, id: string) => t.as(actor)<{ decision: DecisionOut | null }>(ONE, { id }).then((r) => r.decision);
  const eventsOf = (id: string) => published.filter((e) => e.aggregateId === id);
  const allSteps = async (id: string) => {
    for (const s of ALL) await step(policyLaw, id, s);
  };

  it('opens a decision, records its four steps with who, when and the document, and concludes it, with an event for each', async () => {
    setToday('2026-06-30');
    const d = await open(admissions, { title: '市直学校课后服务收费标准调整' });
    expect(d).toMatchObject({ status: 'OPEN', office: 'ADMISSIONS', openedOn: '2026-06-30', missingSteps: ALL, commentPeriod: { state: 'NOT_REQUIRED' }, commentCount: 0, answer: null });
    const first = await step(admissions, d.id, E, '2026-03-10', '专家论证会纪要（2026年第3期）');
    expect(first.steps).toEqual([{ step: E, name: '专家论证', documentRef: '专家论证会纪要（2026年第3期）', heldOn: '2026-03-10', recordedBy: 'staff-ADMISSIONS', office: 'ADMISSIONS', recordedOn: '2026-06-30' }]);
    for (const s of [R, L, C]) await step(policyLaw, d.id, s);
    const done = await conclude(policyLaw, d.id);
    expect(done).toMatchObject({ status: 'CONCLUDED', concludedOn: '2026-06-30', missingSteps: [] });
    await eventually(async () =>
      expect(eventsOf(d.id).map((e) => e.type)).toEqual([
        'feedback.decision.opened',
        'feedback.decision.step-recorded',
        'feedback.decision.step-recorded',
        'feedback.decision.step-recorded',
        'feedback.decision.step-recorded',
        'feedback.decision.concluded',
      ]),
    );
    expect(eventsOf(d.id)[0]!.payload).toEqual({ decisionId: d.id, title: '市直学校课后服务收费标准调整', affectsPublic: false, office: 'ADMISSIONS', openedOn: '2026-06-30' });
    expect(eventsOf(d.id)[1]!.payload).toEqual({ decisionId: d.id, step: E, documentRef: '专家论证会纪要（2026年第3期）', heldOn: '2026-03-10', recordedOn: '2026-06-30' });
    expect(eventsOf(d.id)[5]!.payload).toEqual({ decisionId: d.id, affectsPublic: false, commentCount: 0, concludedOn: '2026-06-30' });
    // The public reads it without a sign-in; who recorded a step is the bureau's to see.
    const seen = await read(anonymous, d.id);
    expect(seen).toMatchObject({ status: 'CONCLUDED', steps: [{ step: E, recordedBy: null, office: 'ADMISSIONS' }, {}, {}, {}] });
    expect((await read(leadership, d.id))!.steps[0]!.recordedBy).toBe('staff-ADMISSIONS');
  });

  it.each(FOUR_STEP_TABLE)('four steps: recorded $recorded → $conclude', async ({ recorded, refused, conclude: expected }) => {
    setToday('2026-06-30');
    const d = await open(policyLaw, { title: '四个环节' });
    for (const entry of recorded) {
      const [s, heldOn] = typeof entry === 'string' ? [entry, DAY[entry]] : entry;
      if (s === refused) {
        const refusal = await refusalOf(step(policyLaw, d.id, s, heldOn));
        expect(refusal.code).toBe('STEP_OUT_OF_ORDER');
        expect(refusal.message).toContain('LEGALITY_REVIEW');
      } else {
        await step(policyLaw, d.id, s, heldOn);
      }
    }
    if (expected === 'CONCLUDED') {
      expect((await conclude(policyLaw, d.id)).status).toBe('CONCLUDED');
      return;
    }
    const refusal = await refusalOf(conclude(policyLaw, d.id));
    expect(refusal.code).toBe('STEPS_MISSING');
    for (const s of ALL) {
      if (expected.includes(s)) expect(refusal.message).toContain(s);
      else expect(refusal.message).not.toContain(s);
    }
    const after = (await read(policyLaw, d.id))!;
    expect(after).toMatchObject({ status: 'OPEN', missingSteps: expected });
  });

  it('refuses bad input with clear codes and writes nothing', async () => {
    setToday('2026-06-30');
    const before = (await t.as(anonymous)<{ decisions: { totalCount: number } }>(LIST, {})).decisions.totalCount;
    expect((await refusalOf(open(policyLaw, { title: '' }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(open(policyLaw, { title: '   ' }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(open(policyLaw, { title: '标'.repeat(201) }))).message).toContain('200');
    expect((await refusalOf(open(policyLaw, { summary: '文'.repeat(10_001) }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(open(parent, {}))).code).toBe('FORBIDDEN');
    expect((await refusalOf(open(anonymous, {}))).code).toBe('UNAUTHENTICATED');
    expect((await t.as(anonymous)<{ decisions: { totalCount: number } }>(LIST, {})).decisions.totalCount).toBe(before);
    // Exactly at the limits is fine.
    const d = await open(policyLaw, { title: '标'.repeat(200), summary: '文'.repeat(10_000) });

    await step(policyLaw, d.id, E);
    const twice = await refusalOf(step(admissions, d.id, E, '2026-03-11', '另一份纪要'));
    expect(twice.code).toBe('STEP_ALREADY_RECORDED');
    expect((await refusalOf(step(policyLaw, d.id, R, '2026-07-01'))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(step(policyLaw, d.id, R, '2026-02-30'))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(step(policyLaw, d.id, R, DAY[R], ''))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(step(policyLaw, d.id, R, DAY[R], '号'.repeat(201)))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(step(parent, d.id, R))).code).toBe('FORBIDDEN');
    expect((await refusalOf(step(policyLaw, '0190a6f2-7b1c-7d3e-8f00-1234567890ab', R))).code).toBe('NOT_FOUND');
    expect((await refusalOf(step(policyLaw, 'not-an-id', R))).code).toBe('BAD_USER_INPUT');
    const unchanged = (await read(policyLaw, d.id))!;
    expect(unchanged.steps).toHaveLength(1);
    expect(unchanged.steps[0]).toMatchObject({ documentRef: `教决〔2026〕${E}号`, heldOn: DAY[E] });
    await eventually(async () => expect(eventsOf(d.id).map((e) => e.type)).toEqual(['feedback.decision.opened', 'feedback.decision.step-recorded']));

    for (const s of [R, L, C]) await step(policyLaw, d.id, s);
    await conclude(policyLaw, d.id);
    expect((await refusalOf(conclude(policyLaw, d.id))).code).toBe('DECISION_CONCLUDED');
    expect((await refusalOf(openPeriod(policyLaw, d.id))).code).toBe('DECISION_CONCLUDED');
  });

  it('takes no public comments on an internal decision', async () => {
    const d = await open(policyLaw, { title: '局机关内部考勤办法', affectsPublic: false });
    expect((await refusalOf(openPeriod(policyLaw, d.id))).code).toBe('NO_PUBLIC_COMMENT');
    expect((await refusalOf(comment(person('p-internal'), d.id))).code).toBe('NO_PUBLIC_COMMENT');
    expect((await refusalOf(answer(policyLaw, d.id))).code).toBe('NO_PUBLIC_COMMENT');
  });

  it('runs a 30-day comment window by the clock, and needs it over and answered before concluding', async () => {
    setToday('2026-04-20');
    const d = await open(admissions, { title: '随迁子女入学积分办法修订', affectsPublic: true });
    expect(d.commentPeriod).toEqual({ state: 'NOT_OPENED', opensOn: null, closesOn: null });
    expect((await refusalOf(comment(person('p-early'), d.id))).code).toBe('COMMENT_PERIOD_NOT_OPEN');
    await allSteps(d.id);
    expect((await refusalOf(conclude(policyLaw, d.id))).code).toBe('COMMENT_PERIOD_MISSING');
    expect((await refusalOf(answer(policyLaw, d.id))).code).toBe('COMMENT_PERIOD_MISSING');
    expect((await refusalOf(openPeriod(parent, d.id))).code).toBe('FORBIDDEN');

    setToday('2026-05-01');
    const opened = await openPeriod(admissions, d.id);
    expect(opened.commentPeriod).toEqual({ state: 'OPEN', opensOn: '2026-05-01', closesOn: '2026-05-31' });
    expect((await refusalOf(openPeriod(admissions, d.id))).code).toBe('COMMENT_PERIOD_ALREADY_OPENED');

    const first = await comment(person('p-wang'), d.id, '建议将居住年限积分上限提高。');
    expect(first.comment.commentedOn).toBe('2026-05-01');
    expect(first.decision.commentCount).toBe(1);
    expect((await refusalOf(comment(anonymous, d.id))).code).toBe('UNAUTHENTICATED');
    expect((await refusalOf(comment(citySystem, d.id))).code).toBe('FORBIDDEN');
    expect((await refusalOf(comment(person('p-wang'), d.id, ''))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(comment(person('p-wang'), d.id, '意'.repeat(2_001)))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(conclude(policyLaw, d.id))).code).toBe('COMMENT_PERIOD_RUNNING');
    expect((await refusalOf(answer(policyLaw, d.id))).code).toBe('COMMENT_PERIOD_RUNNING');

    setToday('2026-05-31');
    await comment(person('p-li'), d.id, '意'.repeat(2_000));
    setToday('2026-06-01');
    const late = await refusalOf(comment(person('p-zhao'), d.id));
    expect(late.code).toBe('COMMENT_PERIOD_CLOSED');
    expect(late.message).toContain('2026-05-31');
    expect((await refusalOf(conclude(policyLaw, d.id))).code).toBe('ANSWER_MISSING');
    expect((await refusalOf(answer(policyLaw, d.id, '答'.repeat(10_001)))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(answer(parent, d.id))).code).toBe('FORBIDDEN');

    setToday('2026-06-03');
    const answered = await answer(admissions, d.id);
    expect(answered.answer).toEqual({ text: '共收到意见 2 条，采纳 1 条：居住年限积分上限由 10 分提高到 15 分。', answeredOn: '2026-06-03' });
    expect((await refusalOf(answer(admissions, d.id, '再答复'))).code).toBe('ALREADY_ANSWERED');
    const concluded = await conclude(policyLaw, d.id);
    expect(concluded).toMatchObject({ status: 'CONCLUDED', commentCount: 2, commentPeriod: { state: 'CLOSED' } });
    expect((await refusalOf(comment(person('p-zhao'), d.id))).code).toBe('COMMENT_PERIOD_CLOSED');

    // The public sees the count and the answer, never who commented.
    const list = await t.as(anonymous)<{ decisions: { nodes: DecisionOut[] } }>(LIST, { status: 'CONCLUDED', first: 100 });
    const publicView = list.decisions.nodes.find((n) => n.id === d.id)!;
    expect(publicView).toMatchObject({ commentCount: 2, answer: { answeredOn: '2026-06-03' } });
    expect(JSON.stringify(list)).not.toContain('p-wang');
    // The bureau reads the comments' texts, without authors; nobody else reads them.
    const comments = await t.as(leadership)<{ decisionComments: { nodes: { text: string; commentedOn: string }[]; totalCount: number } }>(COMMENTS, { decisionId: d.id });
    expect(comments.decisionComments).toMatchObject({ totalCount: 2, nodes: [{ commentedOn: '2026-05-31' }, { text: '建议将居住年限积分上限提高。', commentedOn: '2026-05-01' }] });
    expect(JSON.stringify(comments)).not.toContain('p-wang');
    expect((await refusalOf(t.as(parent)(COMMENTS, { decisionId: d.id }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(t.as(anonymous)(COMMENTS, { decisionId: d.id }))).code).toBe('UNAUTHENTICATED');

    await eventually(async () =>
      expect(eventsOf(d.id).map((e) => e.type)).toEqual([
        'feedback.decision.opened',
        ...ALL.map(() => 'feedback.decision.step-recorded'),
        'feedback.decision.comment-period-opened',
        'feedback.decision.commented',
        'feedback.decision.commented',
        'feedback.decision.comments-answered',
        'feedback.decision.concluded',
      ]),
    );
    const events = eventsOf(d.id);
    expect(events.find((e) => e.type === 'feedback.decision.comment-period-opened')!.payload).toEqual({ decisionId: d.id, opensOn: '2026-05-01', closesOn: '2026-05-31' });
    const commented = events.filter((e) => e.type === 'feedback.decision.commented');
    expect(commented[0]!.payload).toEqual({ decisionId: d.id, commentId: first.comment.id, commentedOn: '2026-05-01' });
    expect(JSON.stringify(commented)).not.toMatch(/p-wang|p-li|居住年限/);
    expect(events.find((e) => e.type === 'feedback.decision.comments-answered')!.payload).toEqual({ decisionId: d.id, answeredOn: '2026-06-03', commentCount: 2 });
    expect(events.at(-1)!.payload).toEqual({ decisionId: d.id, affectsPublic: true, commentCount: 2, concludedOn: '2026-06-03' });
  });

  it('limits each person to 5 comments an hour (RATE_LIMITED), writing nothing for the refused one', async () => {
    setToday('2026-09-01');
    const d = await open(policyLaw, { title: '幼儿园保育教育费标准调整', affectsPublic: true });
    await openPeriod(policyLaw, d.id);
    const busy = person('p-busy');
    for (let i = 1; i <= 5; i++) await comment(busy, d.id, `第 ${i} 条意见`);
    const refused = await refusalOf(comment(busy, d.id, '第 6 条意见'));
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.message).toContain('try again');
    // Someone else is not held back by it.
    await comment(person('p-other'), d.id);
    expect((await read(anonymous, d.id))!.commentCount).toBe(6);
    const texts = await t.as(policyLaw)<{ decisionComments: { nodes: { text: string }[]; totalCount: number } }>(COMMENTS, { decisionId: d.id, first: 100 });
    expect(texts.decisionComments.totalCount).toBe(6);
    expect(texts.decisionComments.nodes.map((n) => n.text)).not.toContain('第 6 条意见');
  });

  it('pages the public list newest first and filters by status', async () => {
    setToday('2026-09-02');
    const a = await open(policyLaw, { title: '分页一' });
    const b = await open(policyLaw, { title: '分页二' });
    const firstPage = await t.as(anonymous)<{ decisions: { nodes: DecisionOut[]; pageInfo: { hasNextPage: boolean; endCursor: string }; totalCount: number } }>(LIST, { status: 'OPEN', first: 1 });
    expect(firstPage.decisions.nodes.map((n) => n.id)).toEqual([b.id]);
    expect(firstPage.decisions.pageInfo.hasNextPage).toBe(true);
    const next = await t.as(anonymous)<{ decisions: { nodes: DecisionOut[] } }>(LIST, { status: 'OPEN', first: 1, after: firstPage.decisions.pageInfo.endCursor });
    expect(next.decisions.nodes.map((n) => n.id)).toEqual([a.id]);
    const open_ = await t.as(anonymous)<{ decisions: { nodes: DecisionOut[] } }>(LIST, { status: 'OPEN', first: 100 });
    expect(open_.decisions.nodes.every((n) => n.status === 'OPEN')).toBe(true);
    expect((await refusalOf(t.as(anonymous)(LIST, { first: 101 }))).code).toBe('BAD_USER_INPUT');
  });

  it('lets two staff change one decision at once only one after the other (CONFLICT for the loser)', async () => {
    setToday('2026-09-03');
    const d = await open(policyLaw, { title: '并发' });
    const results = await Promise.allSettled([step(policyLaw, d.id, E), step(admissions, d.id, R)]);
    const refusals = await Promise.all(results.filter((r) => r.status === 'rejected').map((r) => refusalOf(Promise.reject((r as PromiseRejectedResult).reason))));
    for (const refusal of refusals) expect(refusal.code).toBe('CONFLICT');
    const after = (await read(policyLaw, d.id))!;
    expect(after.steps).toHaveLength(results.filter((r) => r.status === 'fulfilled').length);
  });

  it('runs the comment period for the days the policy and law office set, from the day they take effect', async () => {
    const SET = `mutation($input: MajorDecisionPolicyInput!) { setDecisionPolicy(input: $input) { commentPeriodDays effectiveOn } }`;
    const today = todayInShanghai(now);
    expect(await refusalOf(t.as(admissions)(SET, { input: { commentPeriodDays: 10, basis: '市政府令', effectiveOn: today } }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusalOf(t.as(policyLaw)(SET, { input: { commentPeriodDays: 0, basis: '市政府令', effectiveOn: today } }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    await t.as(policyLaw)(SET, { input: { commentPeriodDays: 10, basis: '市重大行政决策程序规定第十二条', effectiveOn: today } });
    expect((await t.as(anonymous)<{ decisionPolicy: { commentPeriodDays: number } }>('{ decisionPolicy { commentPeriodDays } }')).decisionPolicy.commentPeriodDays).toBe(10);
    const d = await open(policyLaw, { title: '学区调整', affectsPublic: true });
    const opened = await openPeriod(policyLaw, d.id);
    expect(opened.commentPeriod).toMatchObject({ opensOn: today, closesOn: addDays(today, 10) });
  });
});
