import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DefaultLogger } from '@mikro-orm/core';
import type { EntitySchema, LogContext, MikroORM, Options } from '@mikro-orm/core';
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

/** One SQL statement as it ran, with the logger context of the entity manager that ran it. */
export interface ObservedStatement {
  sql: string;
  /** `id` of the entity manager, plus what it was forked with (a request's `requestId`). */
  context: Record<string, unknown>;
}

/**
 * MikroORM's own logger (it still decides what to print) that also tells observers of each
 * statement. Without observers it costs one size check per statement.
 */
class ObservedLogger extends DefaultLogger {
  readonly observers = new Set<(statement: ObservedStatement) => void>();

  override logQuery(context: { query: string } & LogContext): void {
    if (this.observers.size > 0) {
      const { query, ...rest } = context;
      for (const observe of this.observers) observe({ sql: query, context: rest });
    }
    super.logQuery(context);
  }
}

/**
 * Calls `observe` with every statement `orm` runs until the returned function is called: how
 * tests bound the statements a request costs, on SQLite and PostgreSQL alike.
 */
export function observeStatements(orm: MikroORM, observe: (statement: ObservedStatement) => void): () => void {
  const logger = orm.config.getLogger();
  if (!(logger instanceof ObservedLogger)) throw new Error('observeStatements needs a database opened by openDatabase');
  logger.observers.add(observe);
  return () => logger.observers.delete(observe);
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
    loggerFactory: (loggerOptions) => new ObservedLogger(loggerOptions),
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
