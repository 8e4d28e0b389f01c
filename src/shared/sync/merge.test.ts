import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc.ts';
import {
  applyOp,
  emptyRecord,
  isDeleted,
  mergeRecordStates,
  recordValues,
  type RecordState,
} from './merge.ts';

const stamp = (wallMs: number, node = 'a', counter = 0) => formatHlc({ wallMs, counter, node });

describe('per-field merge', () => {
  it('keeps the newer write of each field independently', () => {
    let state = emptyRecord();
    state = applyOp(state, { kind: 'upsert', hlc: stamp(2), fields: { note: 'later', score: 1 } });
    state = applyOp(state, {
      kind: 'upsert',
      hlc: stamp(1),
      fields: { note: 'earlier', room: 'keuken' },
    });
    expect(recordValues(state)).toEqual({ note: 'later', score: 1, room: 'keuken' });
  });

  it('treats a delete as a tombstone that an older edit cannot undo', () => {
    let state = applyOp(emptyRecord(), { kind: 'upsert', hlc: stamp(1), fields: { note: 'x' } });
    state = applyOp(state, { kind: 'delete', hlc: stamp(3), fields: {} });
    state = applyOp(state, { kind: 'upsert', hlc: stamp(2), fields: { note: 'late but older' } });
    expect(isDeleted(state)).toBe(true);
  });

  it('lets an edit made after the delete bring the record back', () => {
    let state = applyOp(emptyRecord(), { kind: 'delete', hlc: stamp(3), fields: {} });
    state = applyOp(state, { kind: 'upsert', hlc: stamp(4), fields: { note: 'restored' } });
    expect(isDeleted(state)).toBe(false);
  });

  it('reaches the same state whatever order and however often ops arrive', () => {
    const op = fc.record({
      kind: fc.constantFrom('upsert' as const, 'delete' as const),
      hlc: fc
        .tuple(
          fc.integer({ min: 0, max: 50 }),
          fc.integer({ min: 0, max: 3 }),
          fc.constantFrom('a', 'b', 'c'),
        )
        .map(([wall, counter, node]) => stamp(wall, node, counter)),
      fields: fc.dictionary(
        fc.constantFrom('note', 'score', 'room'),
        fc.oneof(fc.string(), fc.integer()),
      ),
    });
    fc.assert(
      fc.property(
        // Unique clocks: two writes never share one HLC (each device's clock is strictly increasing).
        fc.uniqueArray(op, { selector: (item) => item.hlc, maxLength: 20 }),
        fc.infiniteStream(fc.nat()),
        (ops, randomness) => {
          const apply = (list: typeof ops): RecordState => list.reduce(applyOp, emptyRecord());
          const shuffled = [...ops, ...ops.slice(0, 3)];
          const iterator = randomness[Symbol.iterator]();
          for (let index = shuffled.length - 1; index > 0; index -= 1) {
            const swap = (iterator.next().value as number) % (index + 1);
            [shuffled[index], shuffled[swap]] = [shuffled[swap]!, shuffled[index]!];
          }
          const a = apply(ops);
          const b = apply(shuffled);
          expect(recordValues(b)).toEqual(recordValues(a));
          expect(isDeleted(b)).toBe(isDeleted(a));
        },
      ),
    );
  });
});

describe('merging record states', () => {
  it('never lets a pulled value overwrite a local field with a newer clock', () => {
    const local = applyOp(emptyRecord(), {
      kind: 'upsert',
      hlc: stamp(5, 'tablet'),
      fields: { note: 'mine' },
    });
    const remote = applyOp(emptyRecord(), {
      kind: 'upsert',
      hlc: stamp(3, 'server'),
      fields: { note: 'older', score: 2 },
    });
    expect(recordValues(mergeRecordStates(local, remote))).toEqual({ note: 'mine', score: 2 });
  });

  it('gives the same result in both directions', () => {
    const a = applyOp(emptyRecord(), {
      kind: 'upsert',
      hlc: stamp(2, 'a'),
      fields: { x: 1, y: 1 },
    });
    const b = applyOp(
      applyOp(emptyRecord(), { kind: 'upsert', hlc: stamp(3, 'b'), fields: { x: 2 } }),
      {
        kind: 'delete',
        hlc: stamp(1, 'b'),
        fields: {},
      },
    );
    expect(mergeRecordStates(a, b)).toEqual(mergeRecordStates(b, a));
  });
});
