import type { EntityManager } from '@mikro-orm/core';
import { emitEvent } from '@edugraph/events';
import { isUniqueViolation, newId } from '@edugraph/persistence';
import { AppError, requireRole } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { todayInShanghai } from '@edugraph/rules';
import { DECISION_POLICY_RULES, REPORT_POLICY_RULES, REVIEW_POLICY_RULES, checkPolicyVersion } from '../domain/policy-settings.ts';
import { DEFAULT_DECISION_POLICY } from '../domain/decisions/index.ts';
import type { DecisionPolicy } from '../domain/decisions/index.ts';
import { DEFAULT_REVIEW_POLICY } from '../domain/review/index.ts';
import type { ReviewPolicy } from '../domain/review/index.ts';
import { DEFAULT_REPORT_POLICY } from '../domain/reports/index.ts';
import type { ReportPolicy } from '../domain/reports/index.ts';
import { FeedbackPolicySetting } from '../entities/review.entities.ts';

export type PolicyKind = 'REVIEW' | 'REPORTS' | 'DECISIONS';

async function versionInForce(em: EntityManager, kind: PolicyKind, today: string): Promise<FeedbackPolicySetting | null> {
  return em.findOne(FeedbackPolicySetting, { kind, effectiveOn: { $lte: today } }, { orderBy: { effectiveOn: 'desc' } });
}

/** The 好差评 numbers in force on `today`: the latest version set, else the national defaults. */
export async function reviewPolicyOn(em: EntityManager, today: string): Promise<ReviewPolicy> {
  const v = await versionInForce(em, 'REVIEW', today);
  if (!v) return DEFAULT_REVIEW_POLICY;
  const d = v.document;
  return { ...DEFAULT_REVIEW_POLICY, ratingWindowDays: d['ratingWindowDays']!, callbackWorkingDays: d['callbackWorkingDays']!, fixWorkingDays: d['fixWorkingDays']!, dueSoonWorkingDays: d['dueSoonWorkingDays']!, basis: v.basis };
}

/** The report deadlines in force on `today`. */
export async function reportPolicyOn(em: EntityManager, today: string): Promise<ReportPolicy> {
  const v = await versionInForce(em, 'REPORTS', today);
  if (!v) return DEFAULT_REPORT_POLICY;
  const d = v.document;
  return {
    ...DEFAULT_REPORT_POLICY,
    replyWorkingDays: { COMPLAINT: d['complaintWorkingDays']!, TIP_OFF: d['tipOffWorkingDays']!, SUGGESTION: d['suggestionWorkingDays']! },
    dueSoonWorkingDays: d['dueSoonWorkingDays']!,
    reopenWithinDays: d['reopenWithinDays']!,
    basis: v.basis,
    effectiveFrom: v.effectiveOn,
  };
}

/** The major-decision numbers in force on `today` (the comment period's length). */
export async function decisionPolicyOn(em: EntityManager, today: string): Promise<DecisionPolicy> {
  const v = await versionInForce(em, 'DECISIONS', today);
  if (!v) return DEFAULT_DECISION_POLICY;
  return { ...DEFAULT_DECISION_POLICY, commentPeriodDays: v.document['commentPeriodDays']!, basis: v.basis, effectiveFrom: v.effectiveOn };
}

/**
 * The policy and law office (优化办) sets a new version of the numbers, from a day on (today or
 * later: a rule never changes behind a running clock's back). One version per kind and day.
 */
export async function setPolicyVersion(
  ctx: UseCaseContext & { clock: () => Date },
  kind: PolicyKind,
  input: Record<string, number> & { basis?: never; effectiveOn?: never },
  version: { basis: string; effectiveOn: string },
): Promise<FeedbackPolicySetting> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'set the rules’ numbers');
  if (ctx.actor.office !== 'POLICY_LAW') throw new AppError('FORBIDDEN', 'Only the policy and law office (优化办) sets the rules’ numbers.');
  const rules = kind === 'REVIEW' ? REVIEW_POLICY_RULES : kind === 'REPORTS' ? REPORT_POLICY_RULES : DECISION_POLICY_RULES;
  const checked = checkPolicyVersion(rules, input, version, todayInShanghai(ctx.clock()));
  if (!checked.ok) throw new AppError('BAD_USER_INPUT', `${checked.error.message}.`);
  try {
    return await ctx.em.fork().transactional(async (tx) => {
      const setting = tx.create(FeedbackPolicySetting, { id: newId(), kind, effectiveOn: version.effectiveOn, document: checked.value, basis: version.basis.trim(), setBy: ctx.actor.id, setAt: new Date() });
      emitEvent(tx, {
        type: 'feedback.policy-numbers.set',
        aggregateType: 'FeedbackPolicySetting',
        aggregateId: setting.id,
        actor: ctx.actor,
        correlationId: ctx.correlationId,
        payload: { kind, effectiveOn: version.effectiveOn, numbers: checked.value },
      });
      await tx.flush();
      return setting;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('ALREADY_EXISTS', `A version of these numbers already takes effect on ${version.effectiveOn}; choose another day.`);
    throw error;
  }
}
