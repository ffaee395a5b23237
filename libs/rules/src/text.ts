// Text as people type it, made safe to store and fair to compare. Lengths count characters
// (Unicode code points), as PostgreSQL's varchar(n) does, never UTF-16 units: "𠮷" is one character.
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';

export interface TextShape {
  /**
   * NFC keeps what was typed (names, addresses, comments); NFKC also folds full-width and other
   * compatibility forms, for codes that an input method may have typed as "ＡＢ１２".
   */
  form?: 'NFC' | 'NFKC';
  /** Free text keeps its line breaks and tabs; every other field is one line. */
  multiline?: boolean;
}

export interface TextLimits extends TextShape {
  /** Most characters allowed: the column's length, so the database never has to refuse it. */
  max: number;
  min?: number;
}

export type TextErrorCode = 'TOO_SHORT' | 'TOO_LONG' | 'CONTROL_CHARACTER' | 'BIDI_CONTROL' | 'UNPAIRED_SURROGATE';

// Every Unicode space, tab and line break (not the zero-width ones: those are not spaces).
const WHITESPACE_RUN = /[\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
// Zero-width characters that make two names look alike but compare different.
const ZERO_WIDTH = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** Trims, normalises to NFC (or NFKC) and, unless multiline, folds every run of whitespace to one space. */
export function normaliseText(text: string, shape: TextShape = {}): string {
  const normalised = text.normalize(shape.form ?? 'NFC');
  if (shape.multiline) return normalised.replace(/\r\n?/g, '\n').trim();
  return normalised.replace(WHITESPACE_RUN, ' ').trim();
}

/** Characters, counted as code points. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Refuses what no field should hold: control characters (NUL, ESC, DEL, C1; multiline text may
 * keep line breaks and tabs), the bidi embedding, override and isolate controls that make text
 * display in another order than it is stored (U+202A–U+202E, U+2066–U+2069), unpaired surrogates,
 * and text outside the limits. Messages follow the field's name: "name must be at most 200 characters".
 */
export function checkText(text: string, limits: TextLimits): Result<string, TextErrorCode> {
  let position = 0;
  for (const character of text) {
    position++;
    const cp = character.codePointAt(0)!;
    if (isControl(cp) && !(limits.multiline && (cp === 0x0a || cp === 0x09))) {
      return fail('CONTROL_CHARACTER', `must not contain control characters (found ${at(cp, position)}); remove it`, { codePoint: cp, position });
    }
    if (isBidiControl(cp)) {
      const message = `must not contain bidirectional control characters, which make text display in a misleading order (found ${at(cp, position)}); remove it`;
      return fail('BIDI_CONTROL', message, { codePoint: cp, position });
    }
    if (cp >= 0xd800 && cp <= 0xdfff) return fail('UNPAIRED_SURROGATE', `must be well-formed Unicode (found an unpaired surrogate ${at(cp, position)})`, { codePoint: cp, position });
  }
  if (position > limits.max) return fail('TOO_LONG', `must be at most ${limits.max} characters (got ${position})`, { max: limits.max, length: position });
  if (limits.min !== undefined && position < limits.min) return fail('TOO_SHORT', `must be at least ${limits.min} characters (got ${position})`, { min: limits.min, length: position });
  return ok(text);
}

/**
 * What two names must share to be the same name: NFKC, case-folded, zero-width characters removed,
 * whitespace folded. "Rel Valid One", "REL VALID ONE", "Rel\u200BValid One" written with a
 * zero-width space, and the NFD spelling of an accented name all have one key.
 */
export function nameKey(name: string): string {
  const compatible = name.replace(ZERO_WIDTH, '').normalize('NFKC');
  // Lower, upper, lower: JavaScript has no case folding, and this round trip folds what a single
  // toLowerCase leaves apart (ß and ẞ and SS; σ and ς). NFKC again: case mapping can decompose.
  const folded = compatible.toLowerCase().toUpperCase().toLowerCase().normalize('NFKC');
  return folded.replace(WHITESPACE_RUN, ' ').trim();
}

function isControl(cp: number): boolean {
  return cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f);
}

function isBidiControl(cp: number): boolean {
  return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

function at(cp: number, position: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} at character ${position}`;
}
