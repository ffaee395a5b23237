// Valid people and a valid form for the specs; every ID gets a correct check character.
import { residentIdCheckCharacter } from '@edugraph/rules';
import type { ApplicationForm } from '../form.ts';

/** An 18-character resident ID born on `birth` (YYYY-MM-DD); an odd sequence digit is male. */
export function residentId(birth: string, sex: 'MALE' | 'FEMALE', area = '330102'): string {
  const first17 = `${area}${birth.replaceAll('-', '')}12${sex === 'MALE' ? '3' : '4'}`;
  return first17 + residentIdCheckCharacter(first17);
}

export const TODAY = '2026-05-10';

export function validForm(more: Partial<ApplicationForm> = {}): ApplicationForm {
  return {
    year: 2026,
    grade: 1,
    child: { name: '李小明', residentId: residentId('2020-03-15', 'MALE'), birthDate: '2020-03-15', sex: 'MALE' },
    guardians: [
      { name: '李建国', residentId: residentId('1990-01-02', 'MALE'), phone: '13812345678', relation: 'FATHER' },
      { name: '王芳', residentId: residentId('1991-06-07', 'FEMALE'), phone: '15987654321', relation: 'MOTHER' },
    ],
    residenceDistrictCode: 'D-CHENGGUAN',
    housing: 'RENTER',
    residenceSince: '2023-02-01',
    rankedSchoolIds: ['S1', 'S2'],
    ...more,
  };
}
