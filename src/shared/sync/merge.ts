// Per-field last-writer-wins merge by hybrid logical clock. The same function runs on the device
// (applying pulled changes) and on the server (applying pushed ops), so both reach one state.
import { compareHlc } from './hlc.ts';
import type { Op } from './protocol.ts';

export interface FieldState {
  value: unknown;
  hlc: string;
}

/** A synced record as stored: every field with the clock of the write that set it. */
export interface RecordState {
  fields: Record<string, FieldState>;
  /** Clock of the newest delete; fields written after it bring the record back. */
  deletedHlc?: string;
}

export function emptyRecord(): RecordState {
  return { fields: {} };
}

/** Apply one op; returns a new state and never mutates the input. Commutative and idempotent. */
export function applyOp(state: RecordState, op: Pick<Op, 'kind' | 'hlc' | 'fields'>): RecordState {
  if (op.kind === 'delete') {
    if (state.deletedHlc !== undefined && compareHlc(state.deletedHlc, op.hlc) >= 0) return state;
    return { fields: state.fields, deletedHlc: op.hlc };
  }
  let changed = false;
  const fields = { ...state.fields };
  for (const [name, value] of Object.entries(op.fields)) {
    const current = fields[name];
    if (current === undefined || compareHlc(op.hlc, current.hlc) > 0) {
      fields[name] = { value, hlc: op.hlc };
      changed = true;
    }
  }
  if (!changed) return state;
  return state.deletedHlc === undefined ? { fields } : { fields, deletedHlc: state.deletedHlc };
}

/** The newest clock among a record's writes. */
export function latestHlc(state: RecordState): string | undefined {
  let latest = state.deletedHlc;
  for (const field of Object.values(state.fields)) {
    if (latest === undefined || compareHlc(field.hlc, latest) > 0) latest = field.hlc;
  }
  return latest;
}

/** A record is deleted when its tombstone is newer than every field write. */
export function isDeleted(state: RecordState): boolean {
  if (state.deletedHlc === undefined) return false;
  return latestHlc(state) === state.deletedHlc;
}

/** Plain values of a record, for reading. */
export function recordValues(state: RecordState): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(state.fields).map(([name, field]) => [name, field.value]),
  );
}

/**
 * Merge a record state received from elsewhere into a local one, field by field: a pulled value
 * never overwrites a local field with a newer clock.
 */
export function mergeRecordStates(local: RecordState, remote: RecordState): RecordState {
  let merged = local;
  for (const [name, field] of Object.entries(remote.fields)) {
    merged = applyOp(merged, { kind: 'upsert', hlc: field.hlc, fields: { [name]: field.value } });
  }
  if (remote.deletedHlc !== undefined) {
    merged = applyOp(merged, { kind: 'delete', hlc: remote.deletedHlc, fields: {} });
  }
  return merged;
}
