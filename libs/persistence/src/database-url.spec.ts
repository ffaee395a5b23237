import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from './database-url.ts';

describe('parseDatabaseUrl', () => {
  it('reads sqlite files and memory', () => {
    expect(parseDatabaseUrl('sqlite:.data/licensing.sqlite')).toEqual({ kind: 'sqlite', path: '.data/licensing.sqlite' });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ kind: 'sqlite', path: ':memory:' });
  });

  it('reads postgres urls with an optional schema', () => {
    expect(parseDatabaseUrl('postgres://postgres@127.0.0.1:5432/edugraph?schema=licensing')).toEqual({
      kind: 'postgresql',
      clientUrl: 'postgres://postgres@127.0.0.1:5432/edugraph',
      dbName: 'edugraph',
      schema: 'licensing',
    });
  });

  it('names what is wrong with an unknown url', () => {
    expect(() => parseDatabaseUrl('mysql://x/y')).toThrow(/must start with sqlite: or postgres/);
    expect(() => parseDatabaseUrl('postgres://host:5432/')).toThrow(/database name/);
  });
});
