import { emitEvent } from '@edugraph/events';
import { AppError, idInput, parseInput, requireInstitutionAccess, requireRole } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { checkText, normaliseText } from '@edugraph/rules';
import type { Industry, IndustryKind } from '../domain/alignment/index.ts';
import { IndustryRecord } from '../entities/catalogue.entities.ts';
import { Programme } from '../entities/programme.entity.ts';
import { toProgrammeView } from './programme.view.ts';
import type { ProgrammeView } from './programme.view.ts';
import { loadIndustries } from './reference-data.ts';

const INDUSTRY_CODE = /^[A-Z][A-Z0-9_-]{1,39}$/;
const programmeIdInput = idInput();

/** Every problem of the table at once: codes, names, kinds, duplicates. */
function checkIndustries(list: readonly { code: string; name: string; kind: string }[]): Industry[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const industries = list.map((raw, i) => {
    const code = normaliseText(raw.code, { form: 'NFKC' }).toUpperCase();
    const name = normaliseText(raw.name);
    if (!INDUSTRY_CODE.test(code)) problems.push(`industry ${i + 1}: code must be 2–40 capital letters, digits, - or _, starting with a letter (got "${raw.code}")`);
    if (seen.has(code)) problems.push(`industry ${i + 1}: code ${code} appears twice`);
    seen.add(code);
    const checked = checkText(name, { min: 1, max: 100 });
    if (!checked.ok) problems.push(`industry ${i + 1}: name ${checked.error.message}`);
    return { code, name, kind: raw.kind as IndustryKind };
  });
  if (problems.length > 0) throw new AppError('BAD_USER_INPUT', `${problems.join('; ')}.`);
  return industries;
}

/**
 * Replaces the city's industry table. An industry a published programme still serves cannot go:
 * removing it would silently unalign that programme, so it is refused with the programmes named.
 */
export async function setIndustries(ctx: UseCaseContext, list: { code: string; name: string; kind: string }[]): Promise<Industry[]> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'set the city’s industries');
  const industries = checkIndustries(list);
  return ctx.em.fork().transactional(async (tx) => {
    const existing = await tx.find(IndustryRecord, {});
    const kept = new Set(industries.map((i) => i.code));
    const removed = existing.filter((e) => !kept.has(e.code)).map((e) => e.code);
    if (removed.length > 0) {
      const serving = (await tx.find(Programme, { status: 'PUBLISHED' }, { fields: ['code', 'industries'] })).filter((p) => p.industries.some((c) => removed.includes(c)));
      if (serving.length > 0) {
        const codes = [...new Set(serving.flatMap((p) => p.industries.filter((c) => removed.includes(c))))].sort();
        throw new AppError('INDUSTRY_IN_USE', `Industries ${codes.join(', ')} are served by ${serving.length} programme(s) (e.g. ${serving[0]!.code}); realign those programmes first.`);
      }
    }
    const byCode = new Map(existing.map((e) => [e.code, e]));
    for (const e of existing) if (!kept.has(e.code)) tx.remove(e);
    industries.forEach((industry, position) => {
      const record = byCode.get(industry.code);
      if (record) Object.assign(record, { name: industry.name, kind: industry.kind, position });
      else tx.create(IndustryRecord, { ...industry, position });
    });
    emitEvent(tx, { type: 'vocational.industries.set', aggregateType: 'IndustryTable', aggregateId: 'industries', actor: ctx.actor, correlationId: ctx.correlationId, payload: { industries } });
    await tx.flush();
    return industries;
  });
}

/** Sets the industries a programme serves (replacing the list). The same list again changes nothing. */
export async function alignProgramme(ctx: UseCaseContext, args: { programmeId: string; industryCodes: string[] }): Promise<ProgrammeView> {
  const programmeId = parseInput(programmeIdInput, args.programmeId);
  const codes = [...new Set(args.industryCodes.map((c) => normaliseText(c, { form: 'NFKC' }).toUpperCase()))].sort();
  return ctx.em.fork().transactional(async (tx) => {
    const programme = await tx.findOne(Programme, { id: programmeId });
    if (!programme) throw new AppError('NOT_FOUND', 'No programme with this id.');
    requireInstitutionAccess(ctx.actor, programme.institutionId, 'align programmes');
    if (programme.status !== 'PUBLISHED') throw new AppError('PROGRAMME_RETIRED', `Programme ${programme.code} is retired; sync it again before aligning it.`);
    const known = new Set((await loadIndustries(tx)).map((i) => i.code));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length > 0) throw new AppError('UNKNOWN_INDUSTRY', `Not one of the city's industries: ${unknown.join(', ')}. The table has ${[...known].join(', ') || 'no industries yet'}.`);
    if (JSON.stringify(programme.industries) === JSON.stringify(codes)) return toProgrammeView(programme);
    programme.industries = codes;
    emitEvent(tx, {
      type: 'vocational.programme.changed',
      aggregateType: 'Programme',
      aggregateId: programme.id,
      actor: ctx.actor,
      correlationId: ctx.correlationId,
      payload: { programmeId: programme.id, institutionId: programme.institutionId, code: programme.code, name: programme.name, annualIntake: programme.annualIntake, fields: ['industries'] },
    });
    await tx.flush();
    return toProgrammeView(programme);
  });
}
