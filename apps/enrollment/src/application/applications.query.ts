import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { z } from 'zod';
import { AppError, checkPageSize, decodeCursor, encodeCursor, parseInput, requireRole, textInput } from '@edugraph/platform';
import { Application, PlacementRound } from '../entities/application.entity.ts';
import { PiiAccess } from '../entities/pii-access.entity.ts';
import { requireAdmissions } from './admissions-access.ts';
import { requireApplicationReader } from './application-access.ts';
import type { EnrollmentContext } from './application-change.ts';
import { toApplicationView } from './application.view.ts';
import type { ApplicationView } from './application.view.ts';
import { applicationOf } from './application-change.ts';

type Reader = Pick<EnrollmentContext, 'em' | 'actor' | 'cipher'>;
const page = <T extends { id: string }>(rows: T[], first: number, totalCount: number) => {
  const nodes = rows.slice(0, first);
  return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1]!.id) : null }, totalCount };
};

export async function applicationById(r: Reader, id: string): Promise<ApplicationView | null> {
  const row = await r.em.findOne(Application, { id });
  if (!row) return null;
  requireApplicationReader(r.actor, row.guardianId);
  return toApplicationView(row, applicationOf(row, r.cipher));
}

export async function myApplications(r: Reader): Promise<ApplicationView[]> {
  requireRole(r.actor, ['PARENT'], 'list your applications');
  const rows = await r.em.find(Application, { guardianId: r.actor.id }, { orderBy: { id: 'desc' } });
  return rows.map((row) => toApplicationView(row, applicationOf(row, r.cipher)));
}

const filterInput = z.object({
  year: z.number().int().nullish(),
  grade: z.number().int().nullish(),
  status: z.string().nullish(),
  residenceDistrictCode: z.string().nullish(),
});

/** The admissions office's list, newest first. */
export async function listApplications(r: Reader, rawFilter: unknown, rawFirst: number | null | undefined, after: string | null | undefined) {
  requireAdmissions(r.actor, 'list applications');
  const f = parseInput(filterInput, rawFilter ?? {});
  const first = checkPageSize(rawFirst);
  const afterId = decodeCursor(after);
  const where: FilterQuery<Application> = {
    ...(f.year ? { year: f.year } : {}),
    ...(f.grade ? { grade: f.grade } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.residenceDistrictCode ? { residenceDistrictCode: f.residenceDistrictCode } : {}),
  };
  const [rows, total] = await Promise.all([
    r.em.find(Application, afterId ? { $and: [where, { id: { $lt: afterId } }] } : where, { orderBy: { id: 'desc' }, limit: first + 1 }),
    r.em.count(Application, where),
  ]);
  return page(rows.map((row) => toApplicationView(row, applicationOf(row, r.cipher))), first, total);
}

const reasonInput = textInput({ max: 500, multiline: true });

/**
 * The unmasked personal data of an application, for its guardian and the admissions office only.
 * The read is written to the audit log (who, when, which record and fields, why) in the same
 * transaction that reads, so no read goes unrecorded.
 */
export async function personalData(r: Reader, applicationId: string, reason: string) {
  const why = parseInput(reasonInput, reason);
  return r.em.fork().transactional(async (tx) => {
    const row = await tx.findOne(Application, { id: applicationId });
    if (!row) throw new AppError('NOT_FOUND', 'No application has this id.');
    requireApplicationReader(r.actor, row.guardianId);
    const { form } = applicationOf(row, r.cipher);
    tx.create(PiiAccess, { actorId: r.actor.id, actorRoles: r.actor.roles.join(','), applicationId, fields: 'child.name,child.residentId,guardians.name,guardians.residentId,guardians.phone', reason: why });
    await tx.flush();
    return {
      childName: form.child.name,
      childResidentId: form.child.residentId,
      guardians: form.guardians.map((g) => ({ name: g.name, residentId: g.residentId, phone: g.phone })),
    };
  });
}

/** The audit trail of unmasked reads, newest first, for the data protection officer. */
export async function piiAccessLog(em: EntityManager, actor: Reader['actor'], rawFilter: { applicationId?: string | null; actorId?: string | null } | null | undefined, rawFirst: number | null | undefined, after: string | null | undefined) {
  requireRole(actor, ['DATA_PROTECTION_OFFICER'], 'read the personal-data access log');
  const first = checkPageSize(rawFirst, 50);
  const afterId = decodeCursor(after);
  const where: FilterQuery<PiiAccess> = { ...(rawFilter?.applicationId ? { applicationId: rawFilter.applicationId } : {}), ...(rawFilter?.actorId ? { actorId: rawFilter.actorId } : {}) };
  const [rows, total] = await Promise.all([
    em.find(PiiAccess, afterId ? { $and: [where, { id: { $lt: afterId } }] } : where, { orderBy: { id: 'desc' }, limit: first + 1 }),
    em.count(PiiAccess, where),
  ]);
  const views = rows.map((a) => ({ id: a.id, at: a.createdAt.toISOString(), actorId: a.actorId, actorRoles: a.actorRoles.split(','), applicationId: a.applicationId, fields: a.fields.split(','), reason: a.reason }));
  return page(views, first, total);
}

/** A round, public; its seed shows only once it ran. */
export function roundOf(em: EntityManager, year: number, grade: number): Promise<PlacementRound | null> {
  return em.findOne(PlacementRound, { year, grade });
}
