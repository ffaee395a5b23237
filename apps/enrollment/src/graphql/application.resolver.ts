import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import type { PiiCipher } from '@edugraph/auth';
import type { RequestContext, Resolvers } from '@edugraph/platform';
import { todayInShanghai } from '@edugraph/rules';
import type { EnrollmentContext } from '../application/application-change.ts';
import type { ApplicationView } from '../application/application.view.ts';
import { applicationById, listApplications, myApplications, personalData, piiAccessLog, roundOf } from '../application/applications.query.ts';
import { addDocument, requestDocumentCorrections, resubmitApplication, verifyDocument } from '../application/document.commands.ts';
import { enrol, respondToPlacement } from '../application/placement.commands.ts';
import { commitRoundSeed, runPlacementRound } from '../application/round.commands.ts';
import { submitApplication } from '../application/submit-application.command.ts';
import type { SubmitApplication } from '../application/submit-application.command.ts';
import { PlacementRound } from '../entities/application.entity.ts';

const roundsById = (em: EntityManager) => new DataLoader<string, PlacementRound | null>(async (ids) => {
  const rows = new Map((await em.find(PlacementRound, { id: { $in: [...ids] } })).map((r) => [r.id, r]));
  return ids.map((id) => rows.get(id) ?? null);
});
const institution = (id: string | null) => (id ? { __typename: 'Institution', id } : null);

/** Applications, documents, rounds and enrolment: thin resolvers over the use cases. */
export function applicationResolvers(deps: { clock: () => Date; cipher: PiiCipher }): Resolvers {
  const uc = (ctx: RequestContext): EnrollmentContext => ({ em: ctx.em, actor: ctx.actor, correlationId: ctx.correlationId, today: todayInShanghai(deps.clock()), cipher: deps.cipher });
  const payload = async (view: Promise<ApplicationView>) => ({ application: await view });
  const round = async (r: Promise<PlacementRound>) => ({ round: await r });
  return {
    Query: {
      application: (_: unknown, a: { id: string }, ctx: RequestContext) => applicationById(uc(ctx), a.id),
      myApplications: (_: unknown, __: unknown, ctx: RequestContext) => myApplications(uc(ctx)),
      applications: (_: unknown, a: { filter?: unknown; first?: number; after?: string }, ctx: RequestContext) => listApplications(uc(ctx), a.filter, a.first, a.after),
      placementRound: (_: unknown, a: { year: number; grade: number }, ctx: RequestContext) => roundOf(ctx.em, a.year, a.grade),
      piiAccessLog: (_: unknown, a: { filter?: { applicationId?: string; actorId?: string }; first?: number; after?: string }, ctx: RequestContext) =>
        piiAccessLog(ctx.em, ctx.actor, a.filter, a.first, a.after),
    },
    Mutation: {
      submitApplication: (_: unknown, a: { input: SubmitApplication }, ctx: RequestContext) => payload(submitApplication(uc(ctx), a.input)),
      addDocument: (_: unknown, a: { applicationId: string; type: never; number: string; issuer: string; validUntil?: string }, ctx: RequestContext) =>
        payload(addDocument(uc(ctx), a.applicationId, { type: a.type, number: a.number, issuer: a.issuer, validUntil: a.validUntil ?? null })),
      verifyDocument: (_: unknown, a: { applicationId: string; documentId: string; outcome: 'VERIFIED' | 'REJECTED' | 'PENDING'; reason?: string }, ctx: RequestContext) =>
        payload(verifyDocument(uc(ctx), a.applicationId, a.documentId, a.outcome, a.reason)),
      requestDocumentCorrections: (_: unknown, a: { applicationId: string }, ctx: RequestContext) => payload(requestDocumentCorrections(uc(ctx), a.applicationId)),
      resubmitApplication: (_: unknown, a: { applicationId: string }, ctx: RequestContext) => payload(resubmitApplication(uc(ctx), a.applicationId)),
      commitRoundSeed: (_: unknown, a: { year: number; grade: number; seedHash: string }, ctx: RequestContext) => round(commitRoundSeed(uc(ctx), a)),
      runPlacementRound: (_: unknown, a: { year: number; grade: number; seed: string }, ctx: RequestContext) => round(runPlacementRound(uc(ctx), a)),
      respondToPlacement: (_: unknown, a: { applicationId: string; response: 'ACCEPT' | 'DECLINE' }, ctx: RequestContext) => payload(respondToPlacement(uc(ctx), a.applicationId, a.response)),
      enrol: (_: unknown, a: { applicationId: string }, ctx: RequestContext) => payload(enrol(uc(ctx), a.applicationId)),
    },
    Application: {
      rankedSchools: (a: ApplicationView) => a.rankedSchoolIds.map((id) => institution(id)),
      personalData: (a: ApplicationView, args: { reason: string }, ctx: RequestContext) => personalData(uc(ctx), a.id, args.reason),
    },
    Placement: {
      application: (p: NonNullable<ApplicationView['placement']>, _: unknown, ctx: RequestContext) => applicationById(uc(ctx), p.applicationId),
      school: (p: NonNullable<ApplicationView['placement']>) => institution(p.schoolId),
      round: (p: NonNullable<ApplicationView['placement']>, _: unknown, ctx: RequestContext) => (p.roundId ? ctx.loaders.get(roundsById).load(p.roundId) : null),
    },
    PlacementRound: {
      committedAt: (r: PlacementRound) => r.createdAt.toISOString(),
      ranAt: (r: PlacementRound) => r.ranAt?.toISOString() ?? null,
      publishedInput: (r: PlacementRound) => (r.publishedInput ? JSON.stringify(r.publishedInput) : null),
      outcomes: (r: PlacementRound) => r.publishedOutcomes ?? [],
    },
  };
}
