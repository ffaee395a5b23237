import { createHash } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/core';
import { emitEvent } from '@edugraph/events';
import { isUniqueViolation, newId } from '@edugraph/persistence';
import { AppError, idInput, parseInput } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import type { VocationalLevel } from '../domain/catalogue/index.ts';
import { canonicalRow, canonicalSnapshot, diffSnapshot, isEmptyDiff } from '../domain/sync/index.ts';
import type { Programme as DomainProgramme, SnapshotDiff, SnapshotRow } from '../domain/sync/index.ts';
import { CatalogueSync, ProgrammeYear } from '../entities/catalogue.entities.ts';
import { Programme } from '../entities/programme.entity.ts';
import { VocationalSchool } from '../entities/vocational-school.entity.ts';
import { requireCatalogueSync } from './catalogue-access.ts';
import { toDomainProgramme } from './programme.view.ts';
import { loadCatalogue, loadIndustries } from './reference-data.ts';

/** Most programmes one snapshot may hold: a large school runs a few hundred. */
export const MAX_SNAPSHOT_ROWS = 2_000;

/** A row as GraphQL hands it over: numbers may be missing or fractional, refused per row. */
export interface CatalogueRowInput {
  code: string;
  name: string;
  lengthYears?: number | null;
  annualIntake?: number | null;
  enrolled?: number | null;
  applicants?: number | null;
  featured?: boolean | null;
  partnerEnterprises?: { name: string; creditCode: string }[] | null;
  /** null: keep the programme's current alignment. */
  industries?: string[] | null;
  outOfCatalogueReference?: string | null;
}

export interface CatalogueSnapshotInput {
  year: number;
  intakeIsCap?: boolean | null;
  programmes: CatalogueRowInput[];
}

export interface CatalogueSyncView {
  schoolId: string;
  year: number;
  dryRun: boolean;
  alreadyApplied: boolean;
  snapshotHash: string;
  added: { code: string; name: string; programmeId: string | null }[];
  changed: { code: string; name: string; programmeId: string; fields: string[] }[];
  retired: { code: string; name: string; programmeId: string }[];
  unchanged: string[];
  kept: string[];
  rejected: { row: number; code: string; programmeCode: string; field: string; message: string }[];
}

const schoolIdInput = idInput();

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function checkSnapshot(snapshot: CatalogueSnapshotInput): void {
  if (!Number.isInteger(snapshot.year) || snapshot.year < 2000 || snapshot.year > 2100) {
    throw new AppError('BAD_USER_INPUT', `snapshot.year must be a year such as 2026 (got ${snapshot.year}).`);
  }
  if (snapshot.programmes.length > MAX_SNAPSHOT_ROWS) {
    throw new AppError('SNAPSHOT_TOO_LARGE', `A snapshot may hold at most ${MAX_SNAPSHOT_ROWS.toLocaleString('en')} programmes; this one has ${snapshot.programmes.length.toLocaleString('en')}. Split the school's catalogue or ask the bureau to raise the limit.`);
  }
}

/** The row in the domain's shape; a missing industry list takes the programme's current one. */
function toSnapshotRow(input: CatalogueRowInput, current: ReadonlyMap<string, DomainProgramme>): SnapshotRow {
  const code = String(input.code).normalize('NFKC').trim();
  return {
    code,
    name: input.name,
    lengthYears: input.lengthYears as number,
    annualIntake: input.annualIntake as number,
    enrolled: input.enrolled as number,
    applicants: input.applicants as number,
    featured: input.featured as boolean,
    partnerEnterprises: input.partnerEnterprises ?? [],
    industries: input.industries ?? current.get(code)?.industries ?? [],
    outOfCatalogueReference: input.outOfCatalogueReference ?? null,
  };
}

/**
 * The snapshot's identity: its year, whether intake is a cap, and its rows in canonical form, with
 * the codes whose industries were left out (keeping an alignment is not the same as clearing it).
 */
function snapshotHashOf(snapshot: CatalogueSnapshotInput, rows: readonly SnapshotRow[]): string {
  const keepsAlignment = snapshot.programmes.filter((r) => r.industries == null).map((r) => String(r.code).normalize('NFKC').trim()).sort();
  const asGiven = rows.map((row, i) => (snapshot.programmes[i]!.industries == null ? { ...row, industries: [] } : row));
  return sha256(`${snapshot.year}\n${snapshot.intakeIsCap === true}\n${JSON.stringify(keepsAlignment)}\n${canonicalSnapshot(asGiven)}`);
}

/**
 * Applies a school's whole catalogue for a year. Syncs of one school are serialised: the school's
 * row is locked for the transaction (PostgreSQL; SQLite runs one transaction at a time anyway).
 * Every programme change and its event are written in that one transaction, or nothing is.
 */
export async function syncCatalogue(ctx: UseCaseContext, args: { schoolId: string; snapshot: CatalogueSnapshotInput; dryRun?: boolean | null }): Promise<CatalogueSyncView> {
  const schoolId = parseInput(schoolIdInput, args.schoolId);
  requireCatalogueSync(ctx.actor, schoolId);
  checkSnapshot(args.snapshot);
  const dryRun = args.dryRun === true;
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.em.fork().transactional((tx) => syncInTransaction(tx, ctx, schoolId, args.snapshot, dryRun));
    } catch (error) {
      // publishProgramme or alignProgramme may touch a programme at the same moment: try again.
      if (attempt < 3 && (isUniqueViolation(error) || (error as Error).name === 'OptimisticLockError')) continue;
      throw error;
    }
  }
}

async function syncInTransaction(tx: EntityManager, ctx: UseCaseContext, schoolId: string, snapshot: CatalogueSnapshotInput, dryRun: boolean): Promise<CatalogueSyncView> {
  // FOR UPDATE on PostgreSQL; SQLite has no row locks and ignores it (its transactions never overlap).
  const school = await tx.findOne(VocationalSchool, { institutionId: schoolId }, dryRun ? {} : { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!school) throw new AppError('NOT_FOUND', 'No vocational school with this id is known (is it registered as VOCATIONAL?).');
  if (school.lastSnapshotYear !== null && school.lastSnapshotYear !== undefined && snapshot.year < school.lastSnapshotYear) {
    throw new AppError('SNAPSHOT_OUT_OF_DATE', `The school's catalogue is already at ${school.lastSnapshotYear}; a snapshot for ${snapshot.year} cannot replace it.`);
  }
  const [catalogue, industries, programmes] = await Promise.all([
    loadCatalogue(tx),
    loadIndustries(tx),
    // Read, not tracked: a sync that changes little must not have the ORM compare every programme
    // at commit. The ones it changes are loaded again, tracked, in applySync.
    tx.find(Programme, { institutionId: schoolId }, { orderBy: { code: 'asc' }, disableIdentityMap: true }),
  ]);
  const published = programmes.filter((p) => p.status === 'PUBLISHED');
  const current = new Map(published.map((p) => [p.code, toDomainProgramme(p)]));
  const rows = snapshot.programmes.map((row) => toSnapshotRow(row, current));
  const snapshotHash = snapshotHashOf(snapshot, rows);
  const diff = diffSnapshot([...current.values()], rows, {
    catalogue,
    schoolLevel: school.level as VocationalLevel,
    intakeIsCap: snapshot.intakeIsCap === true,
    industryCodes: new Set(industries.map((i) => i.code)),
  });
  const byCode = new Map(programmes.map((p) => [p.code, p]));
  const alreadyApplied = isEmptyDiff(diff) && school.lastSnapshotHash === snapshotHash && school.lastSnapshotYear === snapshot.year;
  const view = (ids: ReadonlyMap<string, string>): CatalogueSyncView => viewOf(schoolId, snapshot.year, dryRun, alreadyApplied, snapshotHash, diff, ids);
  if (dryRun || alreadyApplied) return view(new Map(published.map((p) => [p.code, p.id])));

  const ids = await applySync(tx, ctx, school, snapshot, rows, diff, byCode);
  const result = view(ids);
  school.lastSnapshotHash = snapshotHash;
  school.lastSnapshotYear = snapshot.year;
  school.lastSyncedAt = new Date();
  // What the sync did, as the event says it and the school's sync log keeps it.
  const summary = {
    institutionId: schoolId,
    year: snapshot.year,
    snapshotHash,
    rows: rows.length,
    added: diff.added.length,
    changed: diff.changed.length,
    retired: diff.retired.length,
    unchanged: diff.unchanged.length,
    kept: diff.kept.length,
    rejectedRows: diff.rejected.length,
  };
  tx.create(CatalogueSync, { id: newId(), ...summary, rejected: result.rejected, actorId: ctx.actor.id, appliedAt: new Date() });
  emitEvent(tx, { type: 'vocational.catalogue.synced', aggregateType: 'VocationalSchool', aggregateId: schoolId, actor: ctx.actor, correlationId: ctx.correlationId, payload: summary });
  await tx.flush();
  return result;
}

/** Writes the diff: programmes, the year's figures, one event per programme. Returns ids by code. */
async function applySync(
  tx: EntityManager,
  ctx: UseCaseContext,
  school: VocationalSchool,
  snapshot: CatalogueSnapshotInput,
  rows: readonly SnapshotRow[],
  diff: SnapshotDiff,
  byCode: ReadonlyMap<string, Programme>,
): Promise<Map<string, string>> {
  const schoolId = school.institutionId;
  const idsByCode = new Map<string, string>();
  const event = { actor: ctx.actor, correlationId: ctx.correlationId, aggregateType: 'Programme' } as const;
  const touched = [...diff.added.map((p) => byCode.get(p.code)?.id), ...diff.changed.map((c) => byCode.get(c.code)!.id), ...diff.retired.map((p) => byCode.get(p.code)!.id)];
  const ids = touched.filter((id): id is string => id !== undefined);
  const tracked = new Map((ids.length > 0 ? await tx.find(Programme, { id: { $in: ids } }) : []).map((p) => [p.code, p]));
  const assign = (programme: Programme, p: DomainProgramme) =>
    Object.assign(programme, {
      name: p.name,
      lengthYears: p.lengthYears,
      annualIntake: p.annualIntake,
      enrolled: p.enrolled,
      applicants: p.applicants,
      featured: p.featured,
      partnerEnterprises: p.partnerEnterprises.map((e) => ({ name: e.name, creditCode: e.creditCode })),
      industries: [...p.industries],
      outOfCatalogueReference: p.outOfCatalogueReference,
      status: 'PUBLISHED',
      year: snapshot.year,
      contentHash: sha256(canonicalRow(p)),
    });

  for (const p of diff.added) {
    // A code retired earlier comes back under its old id.
    const programme = tracked.get(p.code) ?? tx.create(Programme, { institutionId: schoolId, code: p.code, level: school.level, name: p.name, lengthYears: p.lengthYears, annualIntake: p.annualIntake });
    assign(programme, p);
    idsByCode.set(p.code, programme.id);
    emitEvent(tx, { ...event, type: 'vocational.programme.published', aggregateId: programme.id, payload: { programmeId: programme.id, institutionId: schoolId, code: p.code, name: p.name, annualIntake: p.annualIntake } });
  }
  for (const c of diff.changed) {
    const programme = tracked.get(c.code)!;
    assign(programme, c.after);
    idsByCode.set(c.code, programme.id);
    emitEvent(tx, {
      ...event,
      type: 'vocational.programme.changed',
      aggregateId: programme.id,
      payload: { programmeId: programme.id, institutionId: schoolId, code: c.code, name: c.after.name, annualIntake: c.after.annualIntake, fields: [...c.fields] },
    });
  }
  for (const code of [...diff.unchanged, ...diff.kept]) idsByCode.set(code, byCode.get(code)!.id);
  // Unchanged programmes now belong to this year's snapshot: one statement, no entity each.
  const stale = diff.unchanged.map((code) => byCode.get(code)!).filter((p) => p.year !== snapshot.year).map((p) => p.id);
  if (stale.length > 0) await tx.nativeUpdate(Programme, { id: { $in: stale } }, { year: snapshot.year });
  for (const p of diff.retired) {
    const programme = tracked.get(p.code)!;
    programme.status = 'RETIRED';
    idsByCode.set(p.code, programme.id);
    emitEvent(tx, { ...event, type: 'vocational.programme.retired', aggregateId: programme.id, payload: { programmeId: programme.id, institutionId: schoolId, code: p.code, name: programme.name } });
  }
  await recordYear(tx, school, snapshot.year, rows, diff, idsByCode, byCode);
  return idsByCode;
}

/** The year's figures of every programme the snapshot keeps; a retired one leaves the year. */
async function recordYear(
  tx: EntityManager,
  school: VocationalSchool,
  year: number,
  rows: readonly SnapshotRow[],
  diff: SnapshotDiff,
  ids: ReadonlyMap<string, string>,
  current: ReadonlyMap<string, Programme>,
): Promise<void> {
  const existing = new Map((await tx.find(ProgrammeYear, { institutionId: school.institutionId, year }, { disableIdentityMap: true })).map((y) => [y.programmeId, y]));
  const accepted = new Map<string, SnapshotRow>();
  for (const row of rows) if (!accepted.has(row.code)) accepted.set(row.code, row);
  const updates = new Map<string, { annualIntake: number; enrolled: number; applicants: number }>();
  for (const code of [...diff.added.map((p) => p.code), ...diff.changed.map((c) => c.code), ...diff.unchanged]) {
    const programmeId = ids.get(code)!;
    const row = accepted.get(code)!;
    const figures = { annualIntake: row.annualIntake, enrolled: row.enrolled, applicants: row.applicants };
    const record = existing.get(programmeId);
    if (!record) tx.create(ProgrammeYear, { id: newId(), programmeId, year, institutionId: school.institutionId, code, ...figures });
    else if (record.annualIntake !== figures.annualIntake || record.enrolled !== figures.enrolled || record.applicants !== figures.applicants) updates.set(record.id, figures);
  }
  // A programme kept because its row was rejected still runs this year, with the figures it had.
  for (const code of diff.kept) {
    const programme = current.get(code)!;
    if (!existing.has(programme.id)) {
      tx.create(ProgrammeYear, { id: newId(), programmeId: programme.id, year, institutionId: school.institutionId, code, annualIntake: programme.annualIntake, enrolled: programme.enrolled, applicants: programme.applicants });
    }
  }
  if (updates.size > 0) for (const record of await tx.find(ProgrammeYear, { id: { $in: [...updates.keys()] } })) Object.assign(record, updates.get(record.id));
  const leaving = diff.retired.map((p) => existing.get(ids.get(p.code)!)?.id).filter((id): id is string => id !== undefined);
  if (leaving.length > 0) await tx.nativeDelete(ProgrammeYear, { id: { $in: leaving } });
}

function viewOf(schoolId: string, year: number, dryRun: boolean, alreadyApplied: boolean, snapshotHash: string, diff: SnapshotDiff, ids: ReadonlyMap<string, string>): CatalogueSyncView {
  return {
    schoolId,
    year,
    dryRun,
    alreadyApplied,
    snapshotHash,
    added: diff.added.map((p) => ({ code: p.code, name: p.name, programmeId: ids.get(p.code) ?? null })),
    changed: diff.changed.map((c) => ({ code: c.code, name: c.after.name, programmeId: ids.get(c.code)!, fields: [...c.fields] })),
    retired: diff.retired.map((p) => ({ code: p.code, name: p.name, programmeId: ids.get(p.code)! })),
    unchanged: [...diff.unchanged],
    kept: [...diff.kept],
    rejected: diff.rejected.flatMap((r) => r.problems.map((p) => ({ row: p.row, code: p.code, programmeCode: p.programmeCode, field: p.field, message: p.message }))),
  };
}
