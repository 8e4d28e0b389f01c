import { describe, expect, it } from 'vitest';
import { fetchEfgTarget, saveEfgTarget } from './efg-target-api.ts';

const answer = {
  target: { deadline: '2027-12-31', sharePercent: 80 },
  isDefault: false,
  updatedAt: '2026-11-22T09:00:00.000Z',
};

describe('the EFG target calls', () => {
  it('reads the target with the bearer token and checks the answer’s shape', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const result = await fetchEfgTarget('tok', async (url, init) => {
      calls.push({ url, ...(init && { init }) });
      return new Response(JSON.stringify(answer), { status: 200 });
    });
    expect(result).toEqual({ ok: true, value: answer });
    expect(calls[0]?.url).toBe('/api/efg/target');
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer tok');
  });

  it('passes on the server’s Dutch refusal and tells offline apart', async () => {
    const refused = await saveEfgTarget(
      'tok',
      { deadline: '2027-12-31', sharePercent: 80 },
      async () =>
        new Response(
          JSON.stringify({ error: 'forbidden', message: 'Uw rol geeft geen toegang.' }),
          { status: 403 },
        ),
    );
    expect(refused).toEqual({ ok: false, kind: 'refused', message: 'Uw rol geeft geen toegang.' });
    const offline = await fetchEfgTarget('tok', () => Promise.reject(new TypeError('offline')));
    expect(offline).toEqual({ ok: false, kind: 'offline' });
    const malformed = await fetchEfgTarget(
      'tok',
      async () => new Response(JSON.stringify({ target: 'x' }), { status: 200 }),
    );
    expect(malformed).toEqual({ ok: false, kind: 'refused' });
  });
});
