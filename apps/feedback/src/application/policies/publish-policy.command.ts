import { z } from 'zod';
import { emitEvent } from '@edugraph/events';
import type { EventType } from '@edugraph/contracts';
import { newId } from '@edugraph/persistence';
import { AppError, parseInput, requireRole } from '@edugraph/platform';
import { todayInShanghai } from '@edugraph/rules';
import { duplicateNumber, publishPolicy as publishInDomain } from '../../domain/policies/index.ts';
import { PolicyInterpretationRecord, PolicyRecord } from '../../entities/policy.entities.ts';
import { SQLITE_INDEX_POLICY_SQL } from './policy-search.sql.ts';
import { dialectOf, ensureSearchIndex, isUniqueViolation, refusal } from './policy-support.ts';
import type { PolicyContext } from './policy-support.ts';
import { toPolicyView } from './policy.view.ts';
import type { PolicyView } from './policy.view.ts';

/** The office that publishes policies and their interpretations (政策法规科, which runs 优化办). */
export const PUBLISHING_OFFICE = 'POLICY_LAW';

// The shape only: the domain normalises and checks the text (and names each refusal).
const publishInput = z
  .object({
    title: z.string(),
    issuer: z.string(),
    number: z.string(),
    issuedOn: z.string().max(20).nullish(),
    body: z.string(),
    interpretations: z.array(z.object({ audience: z.string().max(40), plainText: z.string() }).strict()).max(20).nullish(),
  })
  .strict();
export type PublishPolicy = z.input<typeof publishInput>;

/**
 * Staff of the policy and law office publish a policy with its interpretations
 * (feedback.policy.published): the policy, its interpretations, its search entry and the event in
 * one transaction, so nothing is half-written.
 */
export async function publishPolicy(ctx: PolicyContext, raw: PublishPolicy): Promise<PolicyView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'publish policies');
  if (ctx.actor.office !== PUBLISHING_OFFICE) {
    throw new AppError('FORBIDDEN', 'Policies and their interpretations are published by the policy and law office (政策法规科); send the text to them.');
  }
  const input = parseInput(publishInput, raw);
  const interpretations = input.interpretations ?? [];
  const ids = { policyId: newId(), interpretationIds: interpretations.map(() => newId()) };
  const published = publishInDomain({ ...input, interpretations }, ids, todayInShanghai(ctx.clock()));
  if (!published.ok) throw refusal(published.error);
  const { policy, events } = published.value;
  const dialect = dialectOf(ctx.em);
  await ensureSearchIndex(ctx.em);
  try {
    return await ctx.em.fork().transactional(async (tx) => {
      if ((await tx.count(PolicyRecord, { number: policy.number })) > 0) throw refusal(duplicateNumber(policy.number));
      const row = tx.create(PolicyRecord, {
        id: policy.id,
        title: policy.title,
        issuer: policy.issuer,
        number: policy.number,
        issuedOn: policy.issuedOn,
        body: policy.body,
        publishedOn: policy.publishedOn,
        publishedBy: ctx.actor.id,
      });
      const rows = policy.interpretations.map((i) => tx.create(PolicyInterpretationRecord, { id: i.id, policyId: policy.id, audience: i.audience, plainText: i.plainText }));
      for (const e of events) {
        emitEvent(tx, { type: e.type as EventType, aggregateType: 'Policy', aggregateId: policy.id, actor: { id: ctx.actor.id, kind: ctx.actor.kind }, correlationId: ctx.correlationId, payload: e.payload as never });
      }
      await tx.flush();
      if (dialect === 'sqlite') await tx.getConnection().execute(SQLITE_INDEX_POLICY_SQL, [policy.id], 'run', tx.getTransactionContext());
      return toPolicyView(row, rows);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw refusal(duplicateNumber(policy.number));
    throw error;
  }
}
