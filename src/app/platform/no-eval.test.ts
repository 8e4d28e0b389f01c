import { describe, expect, it } from 'vitest';
import './no-eval.ts';

describe('no eval under the CSP', () => {
  it('makes zod parse without compiling code (jitless), also for schemas built afterwards', async () => {
    const { config } = await import('zod/v4/core');
    expect(config().jitless).toBe(true);
    const { z } = await import('zod');
    const original = globalThis.Function;
    let compiled = 0;
    // Any `new Function` from zod now would be a CSP violation in the browser.
    globalThis.Function = new Proxy(original, {
      construct(target, args: string[]) {
        compiled += 1;
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      const schema = z.object({ a: z.string(), b: z.object({ c: z.number() }) });
      expect(schema.parse({ a: 'x', b: { c: 1 } })).toEqual({ a: 'x', b: { c: 1 } });
      expect(schema.safeParse({ a: 1 }).success).toBe(false);
    } finally {
      globalThis.Function = original;
    }
    expect(compiled).toBe(0);
  });
});
