// Each office's staff roster (科室人员名单): who the office's training gaps are counted against.
// POLICY_LAW, which runs the optimisation office, keeps it for every office; setting an office's
// roster replaces the whole list. A person is on one office's roster at a time.
import { checkText, fail, normaliseText, ok } from '@edugraph/rules';
import type { Result } from '@edugraph/rules';

export const ROSTER_LIMITS = { staff: 500, id: 100, name: 50 } as const;

export interface StaffMember {
  readonly id: string;
  readonly name: string;
}

export type RosterError = 'FORBIDDEN' | 'BAD_USER_INPUT' | 'UNKNOWN_OFFICE' | 'DUPLICATE_STAFF' | 'STAFF_IN_OTHER_OFFICE';

/** The office that keeps the rosters. */
export const ROSTER_OFFICE = 'POLICY_LAW';

export function mayKeepRosters(staffOffice: string | null): boolean {
  return staffOffice === ROSTER_OFFICE;
}

/**
 * Checks an office's new roster: a known office, at most 500 people, each with a sign-in id and a
 * name within their limits, no id twice, and nobody who is on another office's roster (take them
 * off there first). An empty list clears the roster.
 */
export function checkRoster(
  office: string,
  staff: readonly { id: string; name: string }[],
  offices: readonly string[],
  rosteredElsewhere: ReadonlyMap<string, string>,
): Result<StaffMember[], RosterError> {
  if (!offices.includes(office)) return fail('UNKNOWN_OFFICE', `No office ${JSON.stringify(office)}; offices are ${offices.join(', ')}`);
  if (staff.length > ROSTER_LIMITS.staff) return fail('BAD_USER_INPUT', `staff must list at most ${ROSTER_LIMITS.staff} people (got ${staff.length})`);
  const members: StaffMember[] = [];
  const seen = new Set<string>();
  for (const [n, s] of staff.entries()) {
    const id = normaliseText(s.id, { form: 'NFKC' });
    const idCheck = checkText(id, { max: ROSTER_LIMITS.id, min: 1 });
    if (!idCheck.ok) return fail('BAD_USER_INPUT', `staff.${n}.id ${id === '' ? 'must not be empty' : idCheck.error.message}`);
    const name = normaliseText(s.name);
    const nameCheck = checkText(name, { max: ROSTER_LIMITS.name, min: 1 });
    if (!nameCheck.ok) return fail('BAD_USER_INPUT', `staff.${n}.name ${name === '' ? 'must not be empty' : nameCheck.error.message}`);
    if (seen.has(id)) return fail('DUPLICATE_STAFF', `${id} is listed twice; list each person once`, { staffId: id });
    const other = rosteredElsewhere.get(id);
    if (other !== undefined && other !== office) return fail('STAFF_IN_OTHER_OFFICE', `${id} is on the roster of ${other}; take them off it first`, { staffId: id, office: other });
    seen.add(id);
    members.push({ id, name });
  }
  return ok(members);
}

/** Who joined and who left between two rosters, by id. */
export function rosterChange(before: readonly StaffMember[], after: readonly StaffMember[]): { added: string[]; removed: string[] } {
  const was = new Set(before.map((s) => s.id));
  const is = new Set(after.map((s) => s.id));
  return { added: after.filter((s) => !was.has(s.id)).map((s) => s.id), removed: before.filter((s) => !is.has(s.id)).map((s) => s.id) };
}
