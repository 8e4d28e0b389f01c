import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from './store.ts';

// Numbered SQL files in ./migrations, applied in order, each recorded in schema_migrations
// with a checksum. All pending migrations run in one transaction: either the schema moves to
// the new version completely or not at all.

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: Migration[];
  schemaVersion: number;
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

// Any constant works as long as every Schouw process uses the same one; it only has to differ
// from other applications' advisory locks on a shared PostgreSQL.
export const MIGRATION_LOCK_KEY = 4_711_202_501;

export const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

function checksumOf(sql: string): string {
  // Line endings are normalised so a Windows checkout (autocrlf) does not look like an edit.
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

export function migrationFromSql(version: number, name: string, sql: string): Migration {
  return { version, name, sql, checksum: checksumOf(sql) };
}

/** Reads and checks the migration files: names NNNN_words.sql, numbered 1, 2, 3... without gaps. */
export function loadMigrations(directory: string = migrationsDir): Migration[] {
  const files = readdirSync(directory)
    .filter((file) => file.endsWith('.sql'))
    .sort();
  return files.map((file, index) => {
    const match = FILE_PATTERN.exec(file);
    if (!match) {
      throw new MigrationError(
        `Migratiebestand ${file} heeft geen geldige naam; verwacht 0001_woorden.sql ` +
          `(migration file ${file} is misnamed; expected 0001_words.sql)`,
      );
    }
    const version = Number(match[1]);
    if (version !== index + 1) {
      throw new MigrationError(
        `Migratie ${file} heeft nummer ${version}, verwacht ${index + 1}: nummers moeten aansluiten ` +
          `(migration numbers must be consecutive from 1)`,
      );
    }
    const sql = readFileSync(path.join(directory, file), 'utf8');
    return migrationFromSql(version, match[2] ?? '', sql);
  });
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Brings the schema up to date. Safe to call from several processes at once on PostgreSQL:
 * the advisory lock makes the second wait and then find nothing left to do.
 */
export async function migrate(
  store: Store,
  migrations: readonly Migration[] = loadMigrations(),
): Promise<MigrationResult> {
  return store.transaction(async (tx) => {
    // Released automatically at commit or rollback, so a crashed process never leaves it held.
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await tx.query<AppliedRow>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const known = new Map(migrations.map((migration) => [migration.version, migration]));
    for (const row of rows) {
      const migration = known.get(row.version);
      if (!migration) {
        throw new MigrationError(
          `De database heeft schemaversie ${row.version} (${row.name}), nieuwer dan deze server kent; ` +
            `installeer de nieuwste Schouw (the database schema is newer than this server: update Schouw)`,
        );
      }
      if (migration.checksum !== row.checksum) {
        throw new MigrationError(
          `Migratie ${String(row.version).padStart(4, '0')}_${row.name} is gewijzigd nadat ze is toegepast; ` +
            `voeg een nieuwe migratie toe in plaats van een oude te bewerken ` +
            `(an applied migration was edited: add a new migration instead)`,
        );
      }
    }
    const appliedVersions = new Set(rows.map((row) => row.version));
    const pending = migrations.filter((migration) => !appliedVersions.has(migration.version));
    for (const migration of pending) {
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new MigrationError(
          `Migratie ${String(migration.version).padStart(4, '0')}_${migration.name} mislukt ` +
            `(migration failed): ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
      await tx.query(
        'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
        [migration.version, migration.name, migration.checksum],
      );
    }
    const schemaVersion = Math.max(
      0,
      ...rows.map((row) => row.version),
      ...pending.map((m) => m.version),
    );
    return { applied: pending, schemaVersion };
  });
}

/** The highest applied migration, or 0 for an empty database. */
export async function schemaVersion(store: Pick<Store, 'query'>): Promise<number> {
  const { rows } = await store.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM schema_migrations',
  );
  return rows[0]?.version ?? 0;
}
