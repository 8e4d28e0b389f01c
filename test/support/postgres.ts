// A private PostgreSQL database per test, on the server provided by
// postgres-global-setup.ts, so tests never see each other's rows or schema.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  url: string;
  name: string;
  /** Drops the database, disconnecting whatever still uses it. */
  drop(): Promise<void>;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('postgresUrl') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `schouw_test_${randomBytes(6).toString('hex')}`;
  // The name is generated here from hex digits only, so interpolating it is safe.
  await withAdmin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE template0`));
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
