// Helpers for rows that sync: each keeps per-field HLC clocks (SyncClocks) next to its values so
// merges follow shared/sync/merge.ts exactly, and a delete stays as a tombstone with a clock.
import { compareHlc } from '../../shared/sync/hlc.ts';
import { applyOp, isDeleted, type RecordState } from '../../shared/sync/merge.ts';
import type { SyncClocks } from './database.ts';

export type WithoutClocks<T> = Omit<T, keyof SyncClocks>;

/** A shallow copy without the given keys. */
export function omit<T extends object, K extends keyof T>(row: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...row };
  for (const key of keys) delete copy[key];
  return copy;
}

export function stripClocks<T extends SyncClocks>(row: T): WithoutClocks<T> {
  return omit(row, 'clocks', 'deletedHlc');
}

/** The row as a merge.ts RecordState (values with the clock that set each one). */
export function recordState(row: SyncClocks & object): RecordState {
  const values = row as unknown as Record<string, unknown>;
  const fields: RecordState['fields'] = {};
  for (const [name, hlc] of Object.entries(row.clocks)) fields[name] = { value: values[name], hlc };
  return row.deletedHlc === undefined ? { fields } : { fields, deletedHlc: row.deletedHlc };
}

/** A row is deleted when its tombstone is newer than every field write. */
export function isTombstone(row: SyncClocks & object): boolean {
  return row.deletedHlc !== undefined && isDeleted(recordState(row));
}

/** The row's newest clock (field write or delete). */
export function rowHlc(row: SyncClocks): string | undefined {
  let latest = row.deletedHlc;
  for (const hlc of Object.values(row.clocks))
    if (latest === undefined || compareHlc(hlc, latest) > 0) latest = hlc;
  return latest;
}

/**
 * Merges another copy of a record (from a backup or a pull) into the local one, field by field:
 * the newer clock wins each field, the newer delete wins the tombstone. Returns undefined when
 * the local row already holds everything the other copy has.
 */
export function mergeRows<T extends SyncClocks & object>(
  local: T | undefined,
  incoming: T,
): T | undefined {
  if (!local) return incoming;
  const before = recordState(local);
  let state = before;
  const incomingValues = incoming as unknown as Record<string, unknown>;
  // Group the incoming fields by clock so each group is one applyOp, like the ops that made them.
  const byClock = new Map<string, Record<string, unknown>>();
  for (const [name, hlc] of Object.entries(incoming.clocks)) {
    const group = byClock.get(hlc) ?? {};
    group[name] = incomingValues[name];
    byClock.set(hlc, group);
  }
  for (const [hlc, fields] of byClock) state = applyOp(state, { kind: 'upsert', hlc, fields });
  if (incoming.deletedHlc !== undefined)
    state = applyOp(state, { kind: 'delete', hlc: incoming.deletedHlc, fields: {} });
  if (sameState(state, before)) return undefined;
  return rowFromState(local, state) as T;
}

/**
 * A row holding a merged state's values and clocks, on top of `base` (so local-only properties,
 * e.g. a photo's `uploaded`, survive).
 */
export function rowFromState(
  base: object,
  state: RecordState,
): SyncClocks & Record<string, unknown> {
  const row: Record<string, unknown> = { ...base };
  const clocks: Record<string, string> = {};
  for (const [name, field] of Object.entries(state.fields)) {
    row[name] = field.value;
    clocks[name] = field.hlc;
  }
  row.clocks = clocks;
  if (state.deletedHlc === undefined) delete row.deletedHlc;
  else row.deletedHlc = state.deletedHlc;
  return row as SyncClocks & Record<string, unknown>;
}

function sameState(a: RecordState, b: RecordState): boolean {
  if (a.deletedHlc !== b.deletedHlc) return false;
  const names = Object.keys(a.fields);
  if (names.length !== Object.keys(b.fields).length) return false;
  return names.every((name) => a.fields[name]?.hlc === b.fields[name]?.hlc);
}
