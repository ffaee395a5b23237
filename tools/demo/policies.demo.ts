// Demo policies (宣传解读): the bureau's plan with its interpretations for parents and sponsors, and
// two short policies of the demo city (see seed-policies.ts), published through the publishing use
// case by the policy and law office, a fixed day per policy.
import type { MikroORM } from '@mikro-orm/core';
import type { Actor } from '@edugraph/auth';
import type { CalendarDate } from '@edugraph/rules';
import { publishPolicy } from '../../apps/feedback/src/application/policies/publish-policy.command.ts';
import { DEMO_POLICIES, PLAN_POLICY } from '../../apps/feedback/src/application/policies/seed-policies.ts';
import { PolicyRecord } from '../../apps/feedback/src/entities/policy.entities.ts';

const POLICY_LAW_STAFF: Actor = { id: 'demo-staff-policy_law', kind: 'person', roles: ['BUREAU_STAFF'], institutionId: null, office: 'POLICY_LAW', creditCode: null };

/** The day each policy is published in the demo: the plan first. */
const PUBLISHED_ON: CalendarDate[] = ['2026-03-02', '2026-03-16', '2026-04-20'];

/** Publishes the demo policies unless policies are already there (idempotent). */
export async function loadDemoPolicies(orm: MikroORM): Promise<{ loaded: boolean; policies: number }> {
  const present = await orm.em.fork().count(PolicyRecord, {});
  if (present > 0) return { loaded: false, policies: present };
  const all = [PLAN_POLICY, ...DEMO_POLICIES];
  for (const [n, input] of all.entries()) {
    const day = PUBLISHED_ON[n] ?? PUBLISHED_ON[PUBLISHED_ON.length - 1]!;
    await publishPolicy({ em: orm.em.fork(), actor: POLICY_LAW_STAFF, correlationId: `demo-policy-${n + 1}`, clock: () => new Date(`${day}T04:00:00Z`) }, input);
  }
  return { loaded: true, policies: all.length };
}
