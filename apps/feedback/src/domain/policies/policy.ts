// A policy (政策文件) the bureau publishes with its plain-language interpretations (宣传解读), one per
// audience. Publishing is one step: the text is checked and normalised here, and the event raised;
// the use case only checks the document number is not taken and saves. No I/O.
import { checkText, fail, isCalendarDate, normaliseText, ok } from '@edugraph/rules';
import type { CalendarDate, Result, RuleError, TextLimits } from '@edugraph/rules';

/** Who an interpretation is written for. */
export const AUDIENCES = ['PARENTS', 'SCHOOLS', 'SPONSORS', 'PUBLIC'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Longest texts a policy may carry (characters, as people count them). */
export const POLICY_LIMITS = {
  title: 200,
  issuer: 100,
  number: 60,
  body: 100_000,
  plainText: 20_000,
  interpretations: AUDIENCES.length,
} as const;

export interface Interpretation {
  readonly id: string;
  readonly audience: Audience;
  readonly plainText: string;
}

export interface Policy {
  readonly id: string;
  readonly title: string;
  readonly issuer: string;
  /** The document number (文号), such as 梅教发〔2019〕73号: unique among published policies. */
  readonly number: string;
  /** The day the issuer signed it, when the document gives it. */
  readonly issuedOn: CalendarDate | null;
  readonly body: string;
  readonly interpretations: readonly Interpretation[];
  readonly publishedOn: CalendarDate;
}

export interface PublishPolicyInput {
  readonly title: string;
  readonly issuer: string;
  readonly number: string;
  readonly issuedOn?: string | null;
  readonly body: string;
  readonly interpretations: readonly { readonly audience: string; readonly plainText: string }[];
}

export type PolicyEvent = {
  type: 'feedback.policy.published';
  payload: { policyId: string; interpretationIds: string[]; number: string; audiences: Audience[]; issuedOn: CalendarDate | null; publishedOn: CalendarDate };
};

export type PolicyRefusalCode =
  | 'BAD_USER_INPUT'
  | 'EMPTY_TITLE'
  | 'BODY_TOO_LONG'
  | 'UNKNOWN_AUDIENCE'
  | 'EMPTY_INTERPRETATION'
  | 'DUPLICATE_AUDIENCE'
  | 'DUPLICATE_NUMBER';
export type PolicyRefusal = RuleError<PolicyRefusalCode>;
export type PublishResult = Result<{ policy: Policy; events: PolicyEvent[] }, PolicyRefusalCode>;

export function isAudience(value: string): value is Audience {
  return (AUDIENCES as readonly string[]).includes(value);
}

/** One text field normalised and checked; a refusal names the field. */
function text(field: string, raw: string, limits: TextLimits): Result<string, 'BAD_USER_INPUT'> {
  const checked = checkText(normaliseText(raw, limits), limits);
  return checked.ok ? ok(checked.value) : fail('BAD_USER_INPUT', `${field} ${checked.error.message}.`, { field });
}

/**
 * Publishes a policy with its interpretations (feedback.policy.published). `ids` gives the policy's
 * id and one id per interpretation, in the order given. Refuses an empty title, a body over
 * 100,000 characters, an audience that is not one of AUDIENCES, an empty interpretation and two
 * interpretations for one audience.
 */
export function publishPolicy(input: PublishPolicyInput, ids: { policyId: string; interpretationIds: readonly string[] }, today: CalendarDate): PublishResult {
  if (normaliseText(input.title).length === 0) return fail('EMPTY_TITLE', 'A policy needs a title: give the document title as issued.', { field: 'title' });
  const title = text('title', input.title, { max: POLICY_LIMITS.title });
  if (!title.ok) return title;
  const issuer = text('issuer', input.issuer, { min: 1, max: POLICY_LIMITS.issuer });
  if (!issuer.ok) return issuer;
  // Document numbers mix full-width and half-width forms (７３号, 73号): one form, so a number is found once.
  const number = text('number', input.number, { min: 1, max: POLICY_LIMITS.number, form: 'NFKC' });
  if (!number.ok) return number;
  const issuedOn = input.issuedOn == null || input.issuedOn.trim() === '' ? null : input.issuedOn.trim();
  if (issuedOn !== null && !isCalendarDate(issuedOn)) return fail('BAD_USER_INPUT', `issuedOn must be a date as YYYY-MM-DD (got "${String(input.issuedOn).trim().slice(0, 20)}").`, { field: 'issuedOn' });
  if (issuedOn !== null && issuedOn > today) return fail('BAD_USER_INPUT', `issuedOn ${issuedOn} is after today (${today}): publish a policy once it is issued.`, { field: 'issuedOn' });
  if ([...input.body].length > POLICY_LIMITS.body) {
    return fail('BODY_TOO_LONG', `The body may be at most ${POLICY_LIMITS.body} characters (got ${[...input.body].length}); publish a long annex as its own policy.`, { field: 'body', max: POLICY_LIMITS.body });
  }
  const body = text('body', input.body, { min: 1, max: POLICY_LIMITS.body, multiline: true });
  if (!body.ok) return body;
  if (input.interpretations.length > POLICY_LIMITS.interpretations) {
    return fail('DUPLICATE_AUDIENCE', `A policy has at most one interpretation per audience (${AUDIENCES.join(', ')}).`, { field: 'interpretations' });
  }
  const interpretations: Interpretation[] = [];
  for (const [i, given] of input.interpretations.entries()) {
    const field = `interpretations.${i}`;
    const audience = given.audience;
    if (!isAudience(audience)) {
      return fail('UNKNOWN_AUDIENCE', `${field}.audience "${String(given.audience).slice(0, 20)}" is not an audience: use one of ${AUDIENCES.join(', ')}.`, { field: `${field}.audience` });
    }
    if (interpretations.some((x) => x.audience === audience)) {
      return fail('DUPLICATE_AUDIENCE', `Two interpretations for ${audience}: write one text per audience.`, { field: `${field}.audience` });
    }
    if (normaliseText(given.plainText ?? '').length === 0) {
      return fail('EMPTY_INTERPRETATION', `The interpretation for ${audience} is empty: write what the policy means for them, or leave that audience out.`, { field: `${field}.plainText` });
    }
    const plainText = text(`${field}.plainText`, given.plainText, { max: POLICY_LIMITS.plainText, multiline: true });
    if (!plainText.ok) return plainText;
    const id = ids.interpretationIds[i];
    if (id === undefined) throw new Error('publishPolicy needs one id per interpretation');
    interpretations.push({ id, audience, plainText: plainText.value });
  }
  const policy: Policy = {
    id: ids.policyId,
    title: title.value,
    issuer: issuer.value,
    number: number.value,
    issuedOn,
    body: body.value,
    interpretations,
    publishedOn: today,
  };
  const event: PolicyEvent = {
    type: 'feedback.policy.published',
    payload: { policyId: policy.id, interpretationIds: interpretations.map((x) => x.id), number: policy.number, audiences: interpretations.map((x) => x.audience), issuedOn, publishedOn: today },
  };
  return ok({ policy, events: [event] });
}

/** The refusal when another published policy already has this document number. */
export function duplicateNumber(number: string): PolicyRefusal {
  return { code: 'DUPLICATE_NUMBER', message: `A policy with document number ${number} is already published; check the number, or find it with policies(topic: "${number}").`, details: { field: 'number' } };
}
