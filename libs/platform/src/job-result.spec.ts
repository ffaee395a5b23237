import { describe, expect, it } from 'vitest';
import { changedSomething } from './service-host.ts';

describe('changedSomething: whether a scheduled job’s run moves its service’s data version', () => {
  it.each([0, false, { closed: 0 }, { deemedAccepted: 0, lapsed: 0, skipped: 0 }])('says no for %j', (result) => {
    expect(changedSomething(result)).toBe(false);
  });
  it.each([1, true, undefined, null, { closed: 1 }, { warned: 0, closed: 2 }, {}])('says yes for %j (nothing said: assume a change)', (result) => {
    expect(changedSomething(result)).toBe(true);
  });
});
