import type { RequestContext, Resolvers } from '@edugraph/platform';
import { todayInShanghai } from '@edugraph/rules';
import { toServiceItem } from '../domain/matter/index.ts';
import type { MatterType } from '../domain/matter/index.ts';
import { institutionLoader } from '../application/institutions.query.ts';
import type { MatterUseCaseContext } from '../application/matter-change.ts';
import { acceptMatter, acceptWithShortfall, attachMaterial, recordCounterVisit, requestMatterCorrections, submitMatter, withdrawMatter } from '../application/matter-intake.commands.ts';
import { extendClock, giveReviewOpinion, pauseClock, recordInspection, resumeClock, scheduleInspection } from '../application/matter-review.commands.ts';
import { decideMatter } from '../application/decide-matter.command.ts';
import { recordFiling } from '../application/record-filing.command.ts';
import { issueLicence } from '../application/issue-licence.command.ts';
import { startMatter } from '../application/start-matter.command.ts';
import type { StartMatter } from '../application/start-matter.command.ts';
import { listMatters, matterById, mattersOfInstitution, myMatters } from '../application/matters.query.ts';
import type { MatterFilter } from '../application/matters.query.ts';
import {
  listHolidayArrangements, listMatterTypes, listServiceItems, publishHolidayArrangement, setMatterRequirements,
} from '../application/matter-catalogue.commands.ts';
import type { MatterTypeSettingView } from '../application/matter-catalogue.commands.ts';
import type { MatterView } from '../application/matter.view.ts';
import type { HolidayArrangement } from '../entities/holiday-arrangement.entity.ts';

type Args<T = Record<string, never>> = T & { matterId: string };
const payload = async (view: Promise<MatterView>) => ({ matter: await view });

/** Licensing matters, their catalogue and calendar: thin resolvers over the use cases, with today from the service's clock. */
export function matterResolvers(deps: { clock: () => Date }): Resolvers {
  const uc = (ctx: RequestContext): MatterUseCaseContext & { loaders: RequestContext['loaders'] } => ({
    em: ctx.em,
    actor: ctx.actor,
    correlationId: ctx.correlationId,
    loaders: ctx.loaders,
    today: todayInShanghai(deps.clock()),
  });
  return {
    Query: {
      matter: (_: unknown, a: { id: string }, ctx: RequestContext) => matterById(uc(ctx), a.id),
      myMatters: (_: unknown, a: { first?: number; after?: string }, ctx: RequestContext) => myMatters(uc(ctx), a.first, a.after),
      matters: (_: unknown, a: { filter?: MatterFilter; first?: number; after?: string }, ctx: RequestContext) => listMatters(uc(ctx), a.filter, a.first, a.after),
      serviceItems: (_: unknown, a: { kind?: 'POWER' | 'RESPONSIBILITY' | 'PUBLIC_SERVICE' }, ctx: RequestContext) => listServiceItems(ctx, a.kind),
      matterTypes: (_: unknown, __: unknown, ctx: RequestContext) => listMatterTypes(ctx),
      holidayArrangements: (_: unknown, __: unknown, ctx: RequestContext) => listHolidayArrangements(ctx),
    },
    Mutation: {
      startMatter: (_: unknown, a: { input: StartMatter }, ctx: RequestContext) => payload(startMatter(uc(ctx), a.input)),
      attachMaterial: (_: unknown, a: Args<{ code: string; fileName: string; sha256: string; sizeBytes: number }>, ctx: RequestContext) =>
        payload(attachMaterial(uc(ctx), a.matterId, { code: a.code, fileName: a.fileName, sha256: a.sha256, sizeBytes: a.sizeBytes })),
      submitMatter: (_: unknown, a: Args, ctx: RequestContext) => payload(submitMatter(uc(ctx), a.matterId)),
      requestMatterCorrections: (_: unknown, a: Args<{ items: unknown }>, ctx: RequestContext) => payload(requestMatterCorrections(uc(ctx), a.matterId, a.items)),
      acceptMatter: (_: unknown, a: Args, ctx: RequestContext) => payload(acceptMatter(uc(ctx), a.matterId)),
      acceptWithShortfall: (_: unknown, a: Args<{ missing: { material: string; dueOn: string }[]; commitmentSigned: boolean }>, ctx: RequestContext) =>
        payload(acceptWithShortfall(uc(ctx), a.matterId, { missing: a.missing, commitmentSigned: a.commitmentSigned })),
      pauseClock: (_: unknown, a: Args<{ reason: string }>, ctx: RequestContext) => payload(pauseClock(uc(ctx), a.matterId, a.reason)),
      resumeClock: (_: unknown, a: Args, ctx: RequestContext) => payload(resumeClock(uc(ctx), a.matterId)),
      extendClock: (_: unknown, a: Args<{ reason: string }>, ctx: RequestContext) => payload(extendClock(uc(ctx), a.matterId, a.reason)),
      giveReviewOpinion: (_: unknown, a: Args<{ opinion: string }>, ctx: RequestContext) => payload(giveReviewOpinion(uc(ctx), a.matterId, a.opinion)),
      scheduleInspection: (_: unknown, a: Args<{ on: string; slot: 'AM' | 'PM' }>, ctx: RequestContext) => payload(scheduleInspection(uc(ctx), a.matterId, { on: a.on, slot: a.slot })),
      recordInspection: (_: unknown, a: Args<{ findings: string }>, ctx: RequestContext) => payload(recordInspection(uc(ctx), a.matterId, a.findings)),
      recordCounterVisit: (_: unknown, a: Args, ctx: RequestContext) => payload(recordCounterVisit(uc(ctx), a.matterId)),
      decide: (_: unknown, a: Args<{ outcome: 'APPROVED' | 'REFUSED'; legalBasis: string; reason: string }>, ctx: RequestContext) =>
        payload(decideMatter(uc(ctx), a.matterId, { outcome: a.outcome, legalBasis: a.legalBasis, reason: a.reason })),
      recordFiling: (_: unknown, a: Args, ctx: RequestContext) => payload(recordFiling(uc(ctx), a.matterId)),
      withdrawMatter: (_: unknown, a: Args<{ reason?: string }>, ctx: RequestContext) => payload(withdrawMatter(uc(ctx), a.matterId, a.reason)),
      issueLicence: (_: unknown, a: Args, ctx: RequestContext) => issueLicence(uc(ctx), a.matterId),
      setMatterRequirements: async (_: unknown, a: { type: string; materials: never[]; authority?: string }, ctx: RequestContext) => ({
        setting: await setMatterRequirements(uc(ctx), a as never),
      }),
      publishHolidayArrangement: (_: unknown, a: { year: number; holidays: string[]; workdays: string[]; source?: string }, ctx: RequestContext) => publishHolidayArrangement(uc(ctx), a),
    },
    Matter: {
      __resolveReference: (ref: { id: string }, ctx: RequestContext) => matterById(uc(ctx), ref.id),
      institution: (m: MatterView, _: unknown, ctx: RequestContext) => (m.institutionId ? ctx.loaders.get(institutionLoader).load(m.institutionId) : null),
    },
    Institution: {
      matters: (i: { id: string }, _: unknown, ctx: RequestContext) => mattersOfInstitution(uc(ctx), i.id),
    },
    MatterTypeSetting: {
      type: (s: MatterTypeSettingView) => s.type.code,
      kind: (s: MatterTypeSettingView) => s.type.kind,
      name: (s: MatterTypeSettingView) => s.type.name,
      authority: (s: MatterTypeSettingView) => s.type.authority,
      materials: (s: MatterTypeSettingView) => s.type.materials.map((m) => ({ ...m, attached: false })),
      timeLimit: (s: MatterTypeSettingView) => toServiceItem(s.type as MatterType).timeLimit,
    },
    HolidayArrangement: {
      publishedAt: (h: HolidayArrangement) => h.updatedAt.toISOString(),
    },
  };
}
