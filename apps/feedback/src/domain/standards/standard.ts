// Each service item (事项) has one published standard (统一服务标准): its versions are kept, and on
// any day one is in force — the version with the latest effective date not after that day. A new
// version takes effect after every version already published, never on or before one of them, so
// the order of versions is the order of their effective dates and no two overlap.
import { checkText, fail, isCalendarDate, normaliseText, ok } from '@edugraph/rules';
import type { CalendarDate, Result } from '@edugraph/rules';

/** Limits of a standard, as data: the text is the standard itself, the version a short label such as "2026版" or "v2". */
export const STANDARD_LIMITS = { textMax: 20_000, versionMax: 20 } as const;

export type StandardStatus = 'IN_FORCE' | 'UPCOMING' | 'SUPERSEDED';

/** A published version of an item's standard, as far as the rules need to know it. */
export interface StandardVersion {
  readonly id: string;
  readonly version: string;
  readonly effectiveOn: CalendarDate;
}

export interface Publication {
  readonly version: string;
  readonly text: string;
  readonly effectiveOn: CalendarDate;
}

export type PublicationError = 'FORBIDDEN' | 'BAD_USER_INPUT' | 'INVALID_DATE' | 'EFFECTIVE_DATE_PAST' | 'VERSION_EXISTS' | 'VERSION_OVERLAP';

/** The office that runs the optimisation office (优化办) publishes any item's standard. */
export const STANDARDS_OFFICE = 'POLICY_LAW';

/** Staff of the item's office, or of the optimisation office, publish its standard. */
export function mayPublish(staffOffice: string | null, itemOffice: string): boolean {
  return staffOffice !== null && (staffOffice === itemOffice || staffOffice === STANDARDS_OFFICE);
}

/** The version in force on `day`: the latest effective date not after it; null before the first. */
export function versionInForce<V extends StandardVersion>(versions: readonly V[], day: CalendarDate): V | null {
  let best: V | null = null;
  for (const v of versions) if (v.effectiveOn <= day && (best === null || v.effectiveOn > best.effectiveOn)) best = v;
  return best;
}

/** Where a version stands on `day` among its item's versions. */
export function statusOf(version: StandardVersion, versions: readonly StandardVersion[], day: CalendarDate): StandardStatus {
  if (version.effectiveOn > day) return 'UPCOMING';
  return versionInForce(versions, day)?.id === version.id ? 'IN_FORCE' : 'SUPERSEDED';
}

/**
 * Checks a new version against the item's published versions on `today`: a version label and a
 * text within their limits, an effective date that exists and is not in the past (what was in
 * force on a past day is history and stays so), a label not used before, and a date after every
 * published version's (after the one in force and after any already scheduled).
 */
export function checkPublication(
  published: readonly StandardVersion[],
  input: { version: string; text: string; effectiveOn: string },
  today: CalendarDate,
): Result<Publication, PublicationError> {
  const version = normaliseText(input.version, { form: 'NFKC' });
  const versionCheck = checkText(version, { max: STANDARD_LIMITS.versionMax, min: 1 });
  if (!versionCheck.ok) return fail('BAD_USER_INPUT', `version ${version === '' ? 'must not be empty' : versionCheck.error.message}`);
  const text = normaliseText(input.text, { multiline: true });
  if (text === '') return fail('BAD_USER_INPUT', 'text must not be empty: give the standard itself (at least 1 character)');
  const textCheck = checkText(text, { max: STANDARD_LIMITS.textMax, min: 1, multiline: true });
  if (!textCheck.ok) return fail('BAD_USER_INPUT', `text ${textCheck.error.message}`);
  if (!isCalendarDate(input.effectiveOn)) return fail('INVALID_DATE', `effectiveOn must be a date that exists, as YYYY-MM-DD (got ${JSON.stringify(input.effectiveOn)})`);
  const effectiveOn = input.effectiveOn;
  if (effectiveOn < today) return fail('EFFECTIVE_DATE_PAST', `effectiveOn ${effectiveOn} is in the past; a new version takes effect today (${today}) or later`);
  const same = published.find((v) => v.version === version);
  if (same) return fail('VERSION_EXISTS', `Version ${version} of this standard was already published (effective ${same.effectiveOn}); give the new version another label`);
  const latest = published.reduce<StandardVersion | null>((a, v) => (a === null || v.effectiveOn > a.effectiveOn ? v : a), null);
  if (latest && effectiveOn <= latest.effectiveOn) {
    const inForce = versionInForce(published, today);
    const which = inForce?.id === latest.id ? 'the version in force' : 'the version already scheduled';
    return fail(
      'VERSION_OVERLAP',
      `A new version must take effect after ${which} (${latest.version}, effective ${latest.effectiveOn}); ${effectiveOn} is not after it`,
      { latestVersion: latest.version, latestEffectiveOn: latest.effectiveOn },
    );
  }
  return ok({ version, text, effectiveOn });
}
