export type DatabaseTarget =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgresql'; clientUrl: string; dbName: string; schema: string | undefined };

/**
 * `sqlite:.data/licensing.sqlite`, `sqlite::memory:`, or
 * `postgres://user@host:5432/db?schema=licensing` (schema optional; one database or schema per service).
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!path) throw new Error('DATABASE_URL sqlite: needs a file path or :memory:');
    return { kind: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url);
    const dbName = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (!dbName) throw new Error('DATABASE_URL postgres:// needs a database name');
    const schema = parsed.searchParams.get('schema') ?? undefined;
    parsed.searchParams.delete('schema');
    return { kind: 'postgresql', clientUrl: parsed.toString(), dbName, schema };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:")`);
}
