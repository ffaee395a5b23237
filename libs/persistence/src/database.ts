import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EntitySchema, MikroORM, Options } from '@mikro-orm/core';
import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import { parseDatabaseUrl } from './database-url.ts';

export type MigrationClass = Constructor<Migration>;

export interface OpenDatabaseOptions {
  url: string;
  // Schemas of different entity types in one list: their type parameters cannot be one type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: EntitySchema<any, any>[];
  /** PostgreSQL migrations in order; SQLite builds its schema from metadata instead. */
  migrations: { name: string; class: MigrationClass }[];
  /** Run pending migrations (PostgreSQL) or sync the schema (SQLite) on open. */
  prepareSchema?: boolean;
  /** SQLite only: reshapes what the schema sync cannot alter in place, before it runs. */
  beforeSqliteSchemaSync?: (orm: MikroORM) => Promise<void>;
}

export interface Database {
  orm: MikroORM;
  kind: 'sqlite' | 'postgresql';
  close(): Promise<void>;
  ping(): Promise<boolean>;
}

/**
 * Opens the service's database from a URL. Each driver package is imported only when used, so the
 * embedded default never loads the PostgreSQL client and vice versa.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const target = parseDatabaseUrl(options.url);
  const common: Partial<Options> = {
    entities: options.entities,
    allowGlobalContext: false,
    forceUtcTimezone: true,
  };
  let orm: MikroORM;
  if (target.kind === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    const { MikroORM: SqliteORM } = await import('@mikro-orm/sqlite');
    orm = await SqliteORM.init({ ...common, dbName: target.path } as never);
    if (options.prepareSchema ?? true) {
      await options.beforeSqliteSchemaSync?.(orm);
      await orm.schema.update();
    }
  } else {
    const { MikroORM: PgORM } = await import('@mikro-orm/postgresql');
    const { Migrator } = await import('@mikro-orm/migrations');
    orm = await PgORM.init({
      ...common,
      clientUrl: target.clientUrl,
      dbName: target.dbName,
      ...(target.schema ? { schema: target.schema } : {}),
      extensions: [Migrator],
      migrations: {
        migrationsList: options.migrations,
        // Migrations are committed code; no schema snapshot files beside them.
        snapshot: false,
        transactional: true,
        allOrNothing: true,
        ...(target.schema ? { schema: target.schema } : {}),
      },
    } as never);
    if (options.prepareSchema ?? true) {
      if (target.schema) await orm.em.getConnection().execute(`create schema if not exists "${target.schema}"`);
      await orm.migrator.up();
    }
  }
  return {
    orm,
    kind: target.kind,
    close: () => orm.close(true),
    ping: async () => {
      try {
        await orm.em.getConnection().execute('select 1');
        return true;
      } catch {
        return false;
      }
    },
  };
}
