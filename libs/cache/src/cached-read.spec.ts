import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { Cache } from './cache.port.ts';
import { CachedFamily } from './cached-read.ts';
import { BackendUnavailableError } from './command.guard.ts';
import { MemoryCache } from './memory.cache.ts';

/** One replica's connection to a store that every replica shares; it can be cut. */
class Connection implements Cache {
  readonly kind = 'redis' as const;
  down = false;
  private readonly store: Cache;
  constructor(store: Cache) {
    this.store = store;
  }
  private async reach(): Promise<Cache> {
    if (this.down) throw new BackendUnavailableError('unreachable');
    return this.store;
  }
  async get<T>(key: string) {
    return (await this.reach()).get<T>(key);
  }
  async set(key: string, value: unknown, ttlSeconds: number) {
    return (await this.reach()).set(key, value, ttlSeconds);
  }
  async delete(key: string) {
    return (await this.reach()).delete(key);
  }
  async claim(key: string, ttlSeconds: number) {
    return (await this.reach()).claim(key, ttlSeconds);
  }
  async ping() {
    return !this.down;
  }
  async close() {}
}

/** Two replicas of a service over one shared store, and the database they both read. */
function twoReplicas(options: { retryMs?: number } = {}) {
  const store = new MemoryCache();
  const writerConnection = new Connection(store);
  const readerConnection = new Connection(store);
  const database = { list: ['A'], loads: 0 };
  const load = async () => {
    database.loads++;
    await new Promise((r) => setTimeout(r, 1));
    return [...database.list];
  };
  return {
    writer: new CachedFamily(writerConnection, 'institutions', 30, options),
    reader: new CachedFamily(readerConnection, 'institutions', 30, options),
    writerConnection,
    readerConnection,
    database,
    load,
  };
}

describe('CachedFamily', () => {
  it('reads the database once for concurrent misses of one key, and again after an invalidation', async () => {
    const { writer, database, load } = twoReplicas();
    expect(await Promise.all(Array.from({ length: 10 }, () => writer.read('all', load)))).toEqual(Array(10).fill(['A']));
    expect(database.loads).toBe(1);
    database.list = ['A', 'B'];
    await writer.invalidate();
    expect(await Promise.all(Array.from({ length: 10 }, () => writer.read('all', load)))).toEqual(Array(10).fill(['A', 'B']));
    expect(database.loads).toBe(2);
  });

  it('keeps an invalidation the cache could not take and retries it until it lands, with no read needed', async () => {
    const { writer, reader, writerConnection, database, load } = twoReplicas({ retryMs: 5 });
    await reader.read('all', load);
    writerConnection.down = true;
    database.list = ['A', 'B'];
    await writer.invalidate();
    expect(await writer.read('all', load)).toEqual(['A', 'B']); // from the database meanwhile
    writerConnection.down = false;
    await vi.waitFor(async () => expect(await reader.read('all', load)).toEqual(['A', 'B']));
  });

  it('lands an owed invalidation before its next read', async () => {
    const { writer, reader, writerConnection, database, load } = twoReplicas({ retryMs: 60_000 });
    await reader.read('all', load);
    writerConnection.down = true;
    database.list = ['A', 'B'];
    await writer.invalidate();
    writerConnection.down = false;
    expect(await writer.read('all', load)).toEqual(['A', 'B']);
    expect(await reader.read('all', load)).toEqual(['A', 'B']);
  });

  it('on a replica that could not reach the cache, serves nothing cached before, even if the invalidation was lost elsewhere', async () => {
    const { writer, reader, writerConnection, readerConnection, database, load } = twoReplicas({ retryMs: 60_000 });
    await reader.read('all', load);
    writerConnection.down = readerConnection.down = true;
    database.list = ['A', 'B'];
    await writer.invalidate(); // never retried: this replica is gone
    expect(await reader.read('all', load)).toEqual(['A', 'B']);
    readerConnection.down = false;
    expect(await reader.read('all', load)).toEqual(['A', 'B']);
    expect(await reader.read('all', load)).toEqual(['A', 'B']);
  });

  it('never serves an entry from before the last invalidation, whatever a small LRU evicts', async () => {
    const step = fc.oneof(
      fc.record({ op: fc.constant('read' as const), key: fc.constantFrom('a', 'b') }),
      fc.record({ op: fc.constant('change' as const) }),
      fc.record({ op: fc.constant('noise' as const), writes: fc.integer({ min: 1, max: 5 }) }),
    );
    type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;
    // A counter generation brought an old entry back here: its key was evicted, restarted from 0
    // and counted up again to a generation whose entry was still cached.
    const counterResurrection: Step[] = [{ op: 'change' }, { op: 'read', key: 'a' }, { op: 'noise', writes: 3 }, { op: 'change' }, { op: 'read', key: 'a' }];
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 30 }), async (steps) => {
        const cache = new MemoryCache({ maxEntries: 4 });
        const family = new CachedFamily(cache, 'institutions', 30);
        let version = 0;
        let noise = 0;
        for (const s of steps) {
          if (s.op === 'read') expect(await family.read(s.key, async () => `${s.key}@${version}`)).toBe(`${s.key}@${version}`);
          if (s.op === 'change') {
            version++;
            await family.invalidate();
          }
          if (s.op === 'noise') for (let i = 0; i < s.writes; i++) await cache.set(`other:${noise++}`, 'x', 30);
        }
      }),
      { numRuns: 500, examples: [[counterResurrection]] },
    );
  });
});
