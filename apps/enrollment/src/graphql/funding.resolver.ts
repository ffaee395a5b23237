import type { PiiCipher } from '@edugraph/auth';
import type { RequestContext, Resolvers } from '@edugraph/platform';
import { todayInShanghai } from '@edugraph/rules';
import type { EnrollmentContext } from '../application/application-change.ts';
import { aidApplications, applyForAid, decideAid } from '../application/aid.commands.ts';
import { transferStudent } from '../application/funding.commands.ts';
import { fundingLedger } from '../application/funding.query.ts';
import { enrollmentStats } from '../application/stats.query.ts';
import type { Student } from '../entities/application.entity.ts';

/** Funding that follows the student, aid, and the public statistics: thin resolvers over the use cases. */
export function fundingResolvers(deps: { clock: () => Date; cipher: PiiCipher }): Resolvers {
  const uc = (ctx: RequestContext): EnrollmentContext => ({ em: ctx.em, actor: ctx.actor, correlationId: ctx.correlationId, today: todayInShanghai(deps.clock()), cipher: deps.cipher });
  return {
    Query: {
      fundingLedger: (_: unknown, a: { schoolId: string; year: number }, ctx: RequestContext) => fundingLedger(ctx.em, ctx.actor, a),
      aidApplications: (_: unknown, a: { studentId: string }, ctx: RequestContext) => aidApplications(uc(ctx), a.studentId),
      enrollmentStats: (_: unknown, a: { year: number }, ctx: RequestContext) => enrollmentStats(ctx.em, a),
    },
    Mutation: {
      transferStudent: (_: unknown, a: { studentId: string; toSchoolId: string; reason: string }, ctx: RequestContext) => transferStudent(uc(ctx), a),
      applyForAid: async (_: unknown, a: { studentId: string; criteria: { difficulty: string; boarding: boolean } }, ctx: RequestContext) => ({
        aidApplication: await applyForAid(uc(ctx), a),
      }),
      decideAid: async (_: unknown, a: { aidApplicationId: string; approve: boolean; reason?: string | null }, ctx: RequestContext) => ({
        aidApplication: await decideAid(uc(ctx), a),
      }),
    },
    EnrolledStudent: {
      school: (s: Student) => ({ __typename: 'Institution', id: s.schoolId }),
    },
  };
}
