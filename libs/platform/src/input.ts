import { z } from 'zod';
import { checkText, isUuid, normaliseText } from '@edugraph/rules';
import type { TextLimits } from '@edugraph/rules';
import { AppError } from './app-error.ts';

/**
 * Zod building blocks for what a use case takes from outside. Every text field is normalised and
 * checked here, before a database sees it, so SQLite and PostgreSQL give the same answer: a value
 * either fits its column or is refused with BAD_USER_INPUT naming the limit.
 */

/** Text a person typed: trimmed, NFC (NFKC for codes), one line unless multiline, within limits. */
export function textInput(limits: TextLimits) {
  return z.string().transform((raw, ctx) => {
    const checked = checkText(normaliseText(raw, limits), limits);
    if (checked.ok) return checked.value;
    ctx.addIssue({ code: 'custom', message: checked.error.message, input: raw });
    return z.NEVER;
  });
}

/** Optional text: absent, null or blank is null. */
export function optionalTextInput(limits: TextLimits) {
  return z
    .string()
    .nullish()
    .transform((raw) => (raw == null || raw.trim() === '' ? null : raw))
    .pipe(textInput(limits).nullable());
}

/**
 * An id we issued (a UUID), in lower case as PostgreSQL returns it, so that SQLite, which compares
 * text, finds the same row.
 */
export function idInput() {
  return z
    .string()
    .refine(isUuid, { message: 'must be an id in UUID form, such as 0190a6f2-7b1c-7d3e-8f00-1234567890ab' })
    .transform((id) => id.toLowerCase());
}

/** Parses a use case's input; any problem is BAD_USER_INPUT listing every problem at once. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return { field, message: field ? `${field} ${issue.message}` : issue.message };
  });
  throw new AppError('BAD_USER_INPUT', `${problems.map((p) => p.message).join('; ')}.`, { problems });
}
