import { hasRole } from '@edugraph/auth';
import type { Actor } from '@edugraph/auth';
import { OFFICES } from '../../domain/offices.ts';
import { DECISION_STEP_NAMES, commentPeriodState, missingSteps } from '../../domain/decisions/index.ts';
import type { CommentPeriodState, DecisionStep } from '../../domain/decisions/index.ts';
import type { DecisionRow } from '../../entities/decision.entities.ts';
import type { DecisionContext } from './decision-support.ts';
import { toDecision } from './decision-support.ts';

export interface DecisionStepView {
  step: DecisionStep;
  name: string;
  documentRef: string;
  heldOn: string;
  /** The staff member who recorded it: shown to bureau staff and leadership only. */
  recordedBy: string | null;
  office: string | null;
  officeName: string | null;
  recordedOn: string;
}

export interface DecisionView {
  id: string;
  title: string;
  summary: string;
  affectsPublic: boolean;
  office: string | null;
  officeName: string | null;
  openedOn: string;
  status: string;
  steps: DecisionStepView[];
  missingSteps: DecisionStep[];
  commentPeriod: { state: CommentPeriodState; opensOn: string | null; closesOn: string | null };
  commentCount: number;
  answer: { text: string; answeredOn: string } | null;
  concludedOn: string | null;
}

function officeName(code: string | null): string | null {
  return code === null ? null : (OFFICES.find((o) => o.code === code)?.name ?? code);
}

/** A decision as anyone may read it; who recorded each step is shown to the bureau only. Comments' authors are never shown. */
export function toDecisionView(row: DecisionRow, actor: Actor, ctx: Pick<DecisionContext, 'today'>): DecisionView {
  const decision = toDecision(row);
  const insider = hasRole(actor, 'BUREAU_STAFF', 'LEADERSHIP');
  return {
    id: decision.id,
    title: decision.title,
    summary: decision.summary,
    affectsPublic: decision.affectsPublic,
    office: decision.office,
    officeName: officeName(decision.office),
    openedOn: decision.openedOn,
    status: decision.status,
    steps: decision.steps.map((s) => ({
      step: s.step,
      name: DECISION_STEP_NAMES[s.step],
      documentRef: s.documentRef,
      heldOn: s.heldOn,
      recordedBy: insider ? s.recordedBy : null,
      office: s.office,
      officeName: officeName(s.office),
      recordedOn: s.recordedOn,
    })),
    missingSteps: missingSteps(decision),
    commentPeriod: { state: commentPeriodState(decision, ctx.today), opensOn: decision.commentPeriod?.opensOn ?? null, closesOn: decision.commentPeriod?.closesOn ?? null },
    commentCount: decision.commentCount,
    answer: decision.answer ? { text: decision.answer.text, answeredOn: decision.answer.answeredOn } : null,
    concludedOn: decision.concludedOn,
  };
}
