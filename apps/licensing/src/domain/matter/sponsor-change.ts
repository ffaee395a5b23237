// A sponsor change is verified (核准) only with the board's consent by at least two thirds of all its
// members (not of those present), 民办教育促进法 art. 54 with 实施条例. Integer arithmetic: no rounding.
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';

export interface BoardVote {
  readonly membersTotal: number;
  readonly inFavour: number;
}
export type BoardVoteErrorCode = 'INVALID_BOARD_VOTE' | 'BOARD_VOTE_INSUFFICIENT';

export function checkBoardVote(vote: BoardVote): Result<BoardVote, BoardVoteErrorCode> {
  const { membersTotal, inFavour } = vote;
  if (!Number.isSafeInteger(membersTotal) || membersTotal < 1 || !Number.isSafeInteger(inFavour) || inFavour < 0 || inFavour > membersTotal) {
    return fail('INVALID_BOARD_VOTE', `A board vote needs whole numbers with 0 <= inFavour <= membersTotal and membersTotal >= 1, got ${inFavour} of ${membersTotal}`);
  }
  if (inFavour * 3 < membersTotal * 2) {
    return fail('BOARD_VOTE_INSUFFICIENT', `${inFavour} of ${membersTotal} board members is less than two thirds`, { membersTotal, inFavour });
  }
  return ok({ membersTotal, inFavour });
}
