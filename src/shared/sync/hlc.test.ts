import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClockSkewError, HybridLogicalClock, compareHlc, formatHlc, parseHlc } from './hlc.ts';

describe('hybrid logical clock', () => {
  it('follows wall time when the wall clock moves forward', () => {
    let now = 1_000;
    const clock = new HybridLogicalClock('a', () => now);
    expect(parseHlc(clock.tick())).toEqual({ wallMs: 1_000, counter: 0, node: 'a' });
    now = 2_000;
    expect(parseHlc(clock.tick())).toEqual({ wallMs: 2_000, counter: 0, node: 'a' });
  });

  it('keeps producing increasing stamps when the wall clock stands still or goes back', () => {
    let now = 5_000;
    const clock = new HybridLogicalClock('a', () => now);
    const first = clock.tick();
    now = 4_000;
    const second = clock.tick();
    const third = clock.tick();
    expect(compareHlc(first, second)).toBe(-1);
    expect(compareHlc(second, third)).toBe(-1);
  });

  it('orders local stamps after a received remote stamp from a faster clock', () => {
    const local = new HybridLogicalClock('a', () => 1_000);
    const remote = new HybridLogicalClock('b', () => 9_000).tick();
    local.receive(remote);
    expect(compareHlc(local.tick(), remote)).toBe(1);
  });

  it('refuses a remote stamp further ahead than the allowed skew', () => {
    const local = new HybridLogicalClock('server', () => 1_000);
    const remote = formatHlc({ wallMs: 1_000 + 60_001, counter: 0, node: 'tablet' });
    expect(() => local.receive(remote, 60_000)).toThrow(ClockSkewError);
    expect(parseHlc(local.current()).wallMs).toBe(0);
  });

  it('rolls an overflowing counter into the next millisecond', () => {
    const clock = new HybridLogicalClock(
      'a',
      () => 10,
      formatHlc({ wallMs: 10, counter: 99_999, node: 'a' }),
    );
    expect(parseHlc(clock.tick())).toEqual({ wallMs: 11, counter: 0, node: 'a' });
  });

  it('sorts encoded stamps exactly as their (wall, counter, node) tuples', () => {
    const stamp = fc.record({
      wallMs: fc.integer({ min: 0, max: 10 ** 14 }),
      counter: fc.integer({ min: 0, max: 99_999 }),
      node: fc.stringMatching(/^[a-z0-9]{1,8}$/),
    });
    fc.assert(
      fc.property(stamp, stamp, (a, b) => {
        const tuple =
          Math.sign(a.wallMs - b.wallMs) ||
          Math.sign(a.counter - b.counter) ||
          (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
        expect(compareHlc(formatHlc(a), formatHlc(b))).toBe(tuple);
        expect(parseHlc(formatHlc(a))).toEqual(a);
      }),
    );
  });

  it('never goes backwards whatever mix of ticks, receives and wall times', () => {
    const event = fc.oneof(
      fc.record({ kind: fc.constant('tick' as const), now: fc.integer({ min: 0, max: 10_000 }) }),
      fc.record({
        kind: fc.constant('receive' as const),
        now: fc.integer({ min: 0, max: 10_000 }),
        remoteWall: fc.integer({ min: 0, max: 10_000 }),
        remoteCounter: fc.integer({ min: 0, max: 99_999 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        let now = 0;
        const clock = new HybridLogicalClock('n', () => now);
        let previous = clock.current();
        for (const item of events) {
          now = item.now;
          const next =
            item.kind === 'tick'
              ? clock.tick()
              : clock.receive(
                  formatHlc({ wallMs: item.remoteWall, counter: item.remoteCounter, node: 'r' }),
                );
          expect(compareHlc(previous, next)).toBe(-1);
          previous = next;
        }
      }),
    );
  });
});
