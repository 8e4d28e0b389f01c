import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import {
  PG_TYPE,
  parseDate,
  parseInt8,
  type Queryable,
  type QueryResult,
  type Store,
} from './store.ts';

// The embedded store: real PostgreSQL compiled to WebAssembly, so a single `npm run serve`
// needs no database server. One process only: the caller must hold the data-dir lock.

type PgliteLike = Pick<PGlite, 'query' | 'exec'> | Pick<Transaction, 'query' | 'exec'>;

function wrap(target: PgliteLike): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, [...params]);
      return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

/** Opens (creating when needed) a PGlite database in `dataDir`; in memory when `dataDir` is undefined. */
export async function openPgliteStore(dataDir: string | undefined): Promise<Store> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({
    ...(dataDir === undefined ? {} : { dataDir }),
    parsers: { [PG_TYPE.INT8]: parseInt8, [PG_TYPE.DATE]: parseDate },
  });
  const base = wrap(db);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
}
