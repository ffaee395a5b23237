import { createWorkingDayCalendar } from '@edugraph/rules';
import { describe, expect, it } from 'vitest';
import { preparationLapse } from './preparation-lapse.ts';

// 2029 is not published: its weekends only count, which is all a period's last day needs here.
const calendar = createWorkingDayCalendar({ unknownYear: 'weekends-only', onFallback: () => {} });

describe('preparation approval lapses after 3 years without an establishment application', () => {
  // Approved Fri 15 May 2026: three years end on Tue 15 May 2029, a working day.
  it('is alive on the last day and lapsed the day after', () => {
    expect(preparationLapse({ approvedOn: '2026-05-15', establishmentSubmittedOn: null, today: '2029-05-15' }, calendar)).toMatchObject({ lapsed: false, lastDay: '2029-05-15' });
    expect(preparationLapse({ approvedOn: '2026-05-15', establishmentSubmittedOn: null, today: '2029-05-16' }, calendar).lapsed).toBe(true);
  });
  it('does not lapse when the establishment application came in time', () => {
    expect(preparationLapse({ approvedOn: '2026-05-15', establishmentSubmittedOn: '2029-05-15', today: '2030-01-01' }, calendar).lapsed).toBe(false);
    expect(preparationLapse({ approvedOn: '2026-05-15', establishmentSubmittedOn: '2029-05-16', today: '2030-01-01' }, calendar).lapsed).toBe(true);
  });
  it('moves a last day on a weekend to the next working day (民法典 art. 203)', () => {
    // 19 May 2029 is a Saturday.
    expect(preparationLapse({ approvedOn: '2026-05-19', establishmentSubmittedOn: null, today: '2029-05-21' }, calendar)).toMatchObject({ lapsed: false, lastDay: '2029-05-21' });
  });
});
