import { describe, expect, it } from 'vitest';
import { idbSessionStorage } from './session-storage.ts';

describe('idbSessionStorage', () => {
  it('keeps a value across instances (a reload) and forgets it when cleared', async () => {
    await idbSessionStorage().save({ token: 'abc', nested: { n: 1 } });
    const reloaded = idbSessionStorage();
    expect(await reloaded.load()).toEqual({ token: 'abc', nested: { n: 1 } });
    await reloaded.clear();
    expect(await idbSessionStorage().load()).toBeUndefined();
  });
});
