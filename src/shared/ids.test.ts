import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUuidv7, uuidv7, uuidv7Time } from './ids.ts';

describe('uuidv7', () => {
  it('produces a valid version-7 UUID that encodes its creation time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), (now) => {
        const id = uuidv7(now);
        expect(isUuidv7(id)).toBe(true);
        expect(uuidv7Time(id)).toBe(now);
      }),
    );
  });

  it('sorts later ids after earlier ones', () => {
    expect(uuidv7(1_000) < uuidv7(2_000)).toBe(true);
  });

  it('gives distinct ids for the same millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => uuidv7(42)));
    expect(ids.size).toBe(1000);
  });

  it('rejects strings that are not UUIDv7', () => {
    expect(isUuidv7('not-a-uuid')).toBe(false);
    expect(isUuidv7('123e4567-e89b-42d3-a456-426614174000')).toBe(false);
  });
});
