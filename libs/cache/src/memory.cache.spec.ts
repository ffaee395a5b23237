import { describe, expect, it } from 'vitest';
import { MemoryCache } from './memory.cache.ts';

describe('MemoryCache', () => {
  it('keeps a value until its expiry', async () => {
    let now = 1_000;
    const cache = new MemoryCache({ now: () => now });
    await cache.set('k', { list: ['A'] }, 30);
    now += 30_000;
    expect(await cache.get('k')).toEqual({ list: ['A'] });
    now += 1;
    expect(await cache.get('k')).toBeUndefined();
  });

  it('lets the least recently used entry go when full, not the first one written', async () => {
    const cache = new MemoryCache({ maxEntries: 3 });
    await cache.set('generation', 'g1', 3600);
    await cache.set('a', 1, 30);
    await cache.set('b', 2, 30);
    expect(await cache.get('generation')).toBe('g1'); // read on every request
    await cache.set('c', 3, 30);
    expect(await cache.get('generation')).toBe('g1');
    expect(await cache.get('a')).toBeUndefined();
  });

  it('lets one caller claim a key until it expires', async () => {
    let now = 1_000;
    const cache = new MemoryCache({ now: () => now });
    expect([await cache.claim('jti', 30), await cache.claim('jti', 30)]).toEqual([true, false]);
    now += 30_001;
    expect(await cache.claim('jti', 30)).toBe(true);
  });
});
