import { describe, expect, it } from 'vitest';
import { checkProgramme } from './programme.rules.ts';

describe('programme rules', () => {
  it('accepts a catalogue programme', () => {
    expect(checkProgramme({ code: '710101', name: 'Computer Application', lengthYears: 3, annualIntake: 120 })).toEqual([]);
  });
  it('lists every problem of a bad row', () => {
    expect(checkProgramme({ code: '71A', name: 'x', lengthYears: 0, annualIntake: -5 })).toHaveLength(4);
  });
  it('counts a name in characters, not UTF-16 units', () => {
    expect(checkProgramme({ code: '710101', name: '𠮷'.repeat(200), lengthYears: 3, annualIntake: 1 })).toEqual([]);
    expect(checkProgramme({ code: '710101', name: '𠮷'.repeat(201), lengthYears: 3, annualIntake: 1 })).toEqual(['name must be 2–200 characters']);
  });
});
