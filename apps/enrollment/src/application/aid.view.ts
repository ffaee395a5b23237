import type { PiiCipher } from '@edugraph/auth';
import { fen, formatYuan } from '@edugraph/rules';
import type { AidLevelCode } from '../domain/aid/index.ts';
import type { AidApplication } from '../entities/funding.entity.ts';

export type AidStatus = 'PENDING' | 'GRANTED' | 'REFUSED';

export interface AidApplicationView {
  id: string;
  studentId: string;
  year: number;
  difficulty: AidLevelCode;
  boarding: boolean;
  status: AidStatus;
  amountFen: number | null;
  amount: string | null;
  basis: string | null;
  appliedOn: string;
  decidedOn: string | null;
  refusalCode: string | null;
  reason: string | null;
}

/** Only for readers already authorised: the difficulty is unsealed. */
export function toAidApplicationView(row: AidApplication, cipher: PiiCipher): AidApplicationView {
  return {
    id: row.id,
    studentId: row.studentId,
    year: row.year,
    difficulty: cipher.decrypt(row.difficultySealed) as AidLevelCode,
    boarding: row.boarding,
    status: row.status as AidStatus,
    amountFen: row.amountFen ?? null,
    amount: row.amountFen == null ? null : formatYuan(fen(row.amountFen)),
    basis: row.basis ?? null,
    appliedOn: row.appliedOn,
    decidedOn: row.decidedOn ?? null,
    refusalCode: row.refusalCode ?? null,
    reason: row.reason ?? null,
  };
}
