import { describe, expect, it } from 'vitest';
import { acceptComment, answerComments, commentPeriodState, concludeDecision, openCommentPeriod, openDecision, recordStep } from './decision.ts';
import type { Decision } from './decision.ts';
import type { DecisionStep } from './decision-policy.ts';

const ID = '0190a6f2-7b1c-7d3e-8f00-1234567890ab';
const OPENED_ON = '2026-03-02';

function value<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`refused: ${r.error.code} ${r.error.message}`);
  return r.value;
}
const opened = (affectsPublic = false) => value(openDecision(ID, { title: '随迁子女入学积分办法修订', summary: '修订积分项目与分值', affectsPublic, office: 'ADMISSIONS', openedBy: 'staff-1' }, OPENED_ON)).state;
const record = (d: Decision, step: DecisionStep, heldOn: string, today = '2026-06-30') => recordStep(d, { step, documentRef: `${step}-doc`, heldOn, recordedBy: 'staff-1', office: 'ADMISSIONS' }, today);
const withSteps = (d: Decision, steps: [DecisionStep, string][]) => steps.reduce((acc, [step, heldOn]) => value(record(acc, step, heldOn)).state, d);
const ALL: [DecisionStep, string][] = [
  ['EXPERT_ARGUMENT', '2026-03-10'],
  ['RISK_ASSESSMENT', '2026-03-20'],
  ['LEGALITY_REVIEW', '2026-04-01'],
  ['COLLECTIVE_DISCUSSION', '2026-04-15'],
];

const E = 'EXPERT_ARGUMENT';
const R = 'RISK_ASSESSMENT';
const L = 'LEGALITY_REVIEW';
const C = 'COLLECTIVE_DISCUSSION';
const DAY: Record<DecisionStep, string> = { EXPERT_ARGUMENT: '2026-03-10', RISK_ASSESSMENT: '2026-03-20', LEGALITY_REVIEW: '2026-04-01', COLLECTIVE_DISCUSSION: '2026-04-15' };

/**
 * Every combination of recorded steps (in the order given, each held on its usual day unless
 * said), what recording refuses, and what concluding answers.
 */
const TABLE: { recorded: (DecisionStep | [DecisionStep, string])[]; refused?: DecisionStep; conclude: 'CONCLUDED' | { missing: DecisionStep[] } | 'STEP_OUT_OF_ORDER' }[] = [
  { recorded: [], conclude: { missing: [E, R, L, C] } },
  { recorded: [E], conclude: { missing: [R, L, C] } },
  { recorded: [R], conclude: { missing: [E, L, C] } },
  { recorded: [L], conclude: { missing: [E, R, C] } },
  { recorded: [C], refused: C, conclude: { missing: [E, R, L, C] } },
  { recorded: [E, R], conclude: { missing: [L, C] } },
  { recorded: [E, L], conclude: { missing: [R, C] } },
  { recorded: [E, C], refused: C, conclude: { missing: [R, L, C] } },
  { recorded: [R, L], conclude: { missing: [E, C] } },
  { recorded: [R, C], refused: C, conclude: { missing: [E, L, C] } },
  { recorded: [L, C], conclude: { missing: [E, R] } },
  { recorded: [E, R, L], conclude: { missing: [C] } },
  { recorded: [E, R, C], refused: C, conclude: { missing: [L, C] } },
  { recorded: [E, L, C], conclude: { missing: [R] } },
  { recorded: [R, L, C], conclude: { missing: [E] } },
  { recorded: [E, R, L, C], conclude: 'CONCLUDED' },
  // Any order of the others is fine; the discussion must follow the legality review.
  { recorded: [L, R, C, E], conclude: 'CONCLUDED' },
  { recorded: [C, E, R, L], refused: C, conclude: { missing: [C] } },
  { recorded: [E, R, [L, '2026-04-15'], [C, '2026-04-01']], refused: C, conclude: { missing: [C] } },
  { recorded: [E, R, [L, '2026-04-15'], [C, '2026-04-15']], conclude: 'CONCLUDED' },
];

describe('the four steps of a major decision', () => {
  it.each(TABLE)('recorded $recorded → $conclude', ({ recorded, refused, conclude }) => {
    let d = opened();
    for (const entry of recorded) {
      const [step, heldOn] = typeof entry === 'string' ? [entry, DAY[entry]] : entry;
      const result = record(d, step, heldOn);
      if (step === refused) {
        expect(result).toMatchObject({ ok: false, error: { code: 'STEP_OUT_OF_ORDER', details: { step: C, after: L } } });
        continue;
      }
      d = value(result).state;
    }
    const result = concludeDecision(d, 'staff-2', '2026-06-30');
    if (conclude === 'CONCLUDED') {
      expect(value(result).state).toMatchObject({ status: 'CONCLUDED', concludedOn: '2026-06-30', concludedBy: 'staff-2' });
      expect(value(result).events.map((e) => e.type)).toEqual(['feedback.decision.concluded']);
    } else if (conclude === 'STEP_OUT_OF_ORDER') {
      expect(result).toMatchObject({ ok: false, error: { code: 'STEP_OUT_OF_ORDER' } });
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: 'STEPS_MISSING', details: { missing: conclude.missing.join(',') } } });
      if (!result.ok) for (const step of conclude.missing) expect(result.error.message).toContain(step);
    }
  });

  it('refuses concluding a record whose steps are out of order, should one reach it', () => {
    const d = withSteps(opened(), ALL);
    const broken: Decision = { ...d, steps: d.steps.map((s) => (s.step === 'COLLECTIVE_DISCUSSION' ? { ...s, heldOn: '2026-03-01' } : s)) };
    expect(concludeDecision(broken, 'staff-2', '2026-06-30')).toMatchObject({ ok: false, error: { code: 'STEP_OUT_OF_ORDER' } });
  });

  it('records a step once, with who, when and its document; never held in the future, never after conclusion', () => {
    const d = value(record(opened(), 'EXPERT_ARGUMENT', '2026-03-10', '2026-03-11'));
    expect(d.state.steps).toEqual([{ step: 'EXPERT_ARGUMENT', documentRef: 'EXPERT_ARGUMENT-doc', heldOn: '2026-03-10', recordedBy: 'staff-1', office: 'ADMISSIONS', recordedOn: '2026-03-11' }]);
    expect(d.events[0]).toEqual({ type: 'feedback.decision.step-recorded', payload: { decisionId: ID, step: 'EXPERT_ARGUMENT', documentRef: 'EXPERT_ARGUMENT-doc', heldOn: '2026-03-10', recordedOn: '2026-03-11' } });
    expect(record(d.state, 'EXPERT_ARGUMENT', '2026-03-10')).toMatchObject({ ok: false, error: { code: 'STEP_ALREADY_RECORDED' } });
    expect(record(opened(), 'RISK_ASSESSMENT', '2026-03-12', '2026-03-11')).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    const concluded = value(concludeDecision(withSteps(opened(), ALL), 'staff-2', '2026-06-30')).state;
    expect(record(concluded, 'EXPERT_ARGUMENT', '2026-03-10')).toMatchObject({ ok: false, error: { code: 'DECISION_CONCLUDED' } });
    expect(concludeDecision(concluded, 'staff-2', '2026-06-30')).toMatchObject({ ok: false, error: { code: 'DECISION_CONCLUDED' } });
  });

  it('needs a title', () => {
    expect(openDecision(ID, { title: ' ', summary: '', affectsPublic: false, office: null, openedBy: 's' }, OPENED_ON)).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
  });
});

describe('the public comment period', () => {
  const publicDecision = () => withSteps(opened(true), ALL);

  it('runs 30 days after the day it opens; comments are taken through its last day', () => {
    const d = value(openCommentPeriod(publicDecision(), '2026-05-01')).state;
    expect(d.commentPeriod).toEqual({ opensOn: '2026-05-01', closesOn: '2026-05-31' });
    expect(commentPeriodState(d, '2026-05-31')).toBe('OPEN');
    expect(commentPeriodState(d, '2026-06-01')).toBe('CLOSED');
    expect(value(acceptComment(d, 'c-1', '2026-05-31')).events).toEqual([{ type: 'feedback.decision.commented', payload: { decisionId: ID, commentId: 'c-1', commentedOn: '2026-05-31' } }]);
    expect(acceptComment(d, 'c-2', '2026-06-01')).toMatchObject({ ok: false, error: { code: 'COMMENT_PERIOD_CLOSED' } });
    expect(acceptComment(publicDecision(), 'c-3', '2026-05-01')).toMatchObject({ ok: false, error: { code: 'COMMENT_PERIOD_NOT_OPEN' } });
    expect(openCommentPeriod(d, '2026-05-02')).toMatchObject({ ok: false, error: { code: 'COMMENT_PERIOD_ALREADY_OPENED' } });
  });

  it('is not taken by a decision that does not affect the public', () => {
    expect(openCommentPeriod(opened(false), '2026-05-01')).toMatchObject({ ok: false, error: { code: 'NO_PUBLIC_COMMENT' } });
    expect(acceptComment(opened(false), 'c', '2026-05-01')).toMatchObject({ ok: false, error: { code: 'NO_PUBLIC_COMMENT' } });
    expect(commentPeriodState(opened(false), '2026-05-01')).toBe('NOT_REQUIRED');
  });

  it('must have run and been answered before the decision is concluded', () => {
    expect(concludeDecision(publicDecision(), 's', '2026-06-30')).toMatchObject({ ok: false, error: { code: 'COMMENT_PERIOD_MISSING' } });
    const open = value(openCommentPeriod(publicDecision(), '2026-05-01')).state;
    expect(concludeDecision(open, 's', '2026-05-31')).toMatchObject({ ok: false, error: { code: 'COMMENT_PERIOD_RUNNING' } });
    expect(answerComments(open, { text: '答复', answeredBy: 's' }, '2026-05-31')).toMatchObject({ ok: false, error: { code: 'COMMENT_PERIOD_RUNNING' } });
    expect(concludeDecision(open, 's', '2026-06-01')).toMatchObject({ ok: false, error: { code: 'ANSWER_MISSING' } });
    const answered = value(answerComments(open, { text: '采纳意见12条', answeredBy: 's' }, '2026-06-02'));
    expect(answered.events[0]).toMatchObject({ type: 'feedback.decision.comments-answered', payload: { answeredOn: '2026-06-02' } });
    expect(answerComments(answered.state, { text: '再答复', answeredBy: 's' }, '2026-06-03')).toMatchObject({ ok: false, error: { code: 'ALREADY_ANSWERED' } });
    expect(value(concludeDecision(answered.state, 's', '2026-06-05')).state.status).toBe('CONCLUDED');
  });

  it('names the missing steps before anything about comments', () => {
    expect(concludeDecision(opened(true), 's', '2026-06-30')).toMatchObject({ ok: false, error: { code: 'STEPS_MISSING' } });
  });
});
