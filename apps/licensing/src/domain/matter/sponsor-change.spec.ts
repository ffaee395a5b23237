import { describe, expect, it } from 'vitest';
import { checkBoardVote } from './sponsor-change.ts';

const verdict = (membersTotal: number, inFavour: number) => {
  const result = checkBoardVote({ membersTotal, inFavour });
  return result.ok ? 'ok' : result.error.code;
};

describe('board vote of two thirds of all members', () => {
  it.each([
    [9, 6, 'ok'], // 18 >= 18: exactly two thirds
    [9, 5, 'BOARD_VOTE_INSUFFICIENT'],
    [8, 5, 'BOARD_VOTE_INSUFFICIENT'], // 15 < 16
    [8, 6, 'ok'],
    [6, 4, 'ok'],
    [5, 3, 'BOARD_VOTE_INSUFFICIENT'], // 9 < 10
    [5, 4, 'ok'],
    [7, 5, 'ok'], // 15 >= 14
    [7, 4, 'BOARD_VOTE_INSUFFICIENT'],
    [3, 2, 'ok'],
  ])('%i members, %i in favour: %s', (total, inFavour, expected) => {
    expect(verdict(total, inFavour)).toBe(expected);
  });
  it('refuses impossible votes', () => {
    expect(verdict(0, 0)).toBe('INVALID_BOARD_VOTE');
    expect(verdict(5, 6)).toBe('INVALID_BOARD_VOTE');
    expect(verdict(5, -1)).toBe('INVALID_BOARD_VOTE');
    expect(verdict(5.5, 4)).toBe('INVALID_BOARD_VOTE');
  });
});
