import { describe, expect, it } from 'vitest';
import { SingleFlight } from './single-flight.ts';

describe('SingleFlight', () => {
  it('runs one load for concurrent callers of a key, and a new one once it has settled', async () => {
    const flights = new SingleFlight();
    let loads = 0;
    const load = async () => {
      await new Promise((r) => setTimeout(r, 5));
      return ++loads;
    };
    expect(await Promise.all([flights.run('k', load), flights.run('k', load), flights.run('k', load)])).toEqual([1, 1, 1]);
    expect(await Promise.all([flights.run('k', load), flights.run('other', load)])).toEqual([2, 3]);
  });

  it('shares a failure with the callers waiting on it, and does not keep it', async () => {
    const flights = new SingleFlight();
    const failing = async () => {
      throw new Error('database away');
    };
    const results = await Promise.allSettled([flights.run('k', failing), flights.run('k', async () => 'never run')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await flights.run('k', async () => 'fresh')).toBe('fresh');
  });
});
