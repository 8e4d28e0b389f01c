// One interface over the embedded store (PGlite) and PostgreSQL, so every query and migration
// is written once in plain PostgreSQL SQL and runs on both.

export type StoreKind = 'pglite' | 'postgres';

export interface QueryResult<Row> {
  rows: Row[];
  /** Rows returned by a SELECT, or rows changed by INSERT/UPDATE/DELETE. */
  rowCount: number;
}

export interface Queryable {
  /** One statement with $1, $2, ... parameters. */
  query<Row = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<Row>>;
  /** Several statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Store extends Queryable {
  readonly kind: StoreKind;
  /**
   * Runs `fn` in one transaction on one connection: committed when it resolves, rolled back
   * when it throws. Do not call the store itself inside `fn`; use `tx`.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Both drivers must hand back the same JavaScript values for the same SQL. Defaults differ:
// pg returns int8 as string and `date` as a local-midnight Date (off by a day west of UTC);
// PGlite returns int8 as number and `date` as a UTC Date. We settle on: int8 -> number
// (counts, ids we never exceed 2^53 with; larger values throw), date -> 'YYYY-MM-DD' string,
// numeric -> string (exact), timestamptz -> Date.
export const PG_TYPE = { INT8: 20, DATE: 1082 } as const;

export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`int8 value ${text} does not fit a JavaScript number`);
  }
  return value;
}

export const parseDate = (text: string): string => text;
