import { describe, expect, it } from 'vitest';
import {
  getImport,
  previewPortfolio,
  PREVIEW_BYTES,
  uploadImport,
  type Uploader,
} from './imports-api.ts';

const run = {
  id: '01890000-0000-7000-8000-000000000001',
  kind: 'ep-online',
  fileName: 'labels.csv',
  status: 'succeeded',
  startedAt: '2026-11-22T09:00:00.000Z',
  finishedAt: '2026-11-22T09:00:02.000Z',
  summary: { rowsRead: 3, imported: 2, unmatched: 1, skipped: { 'niet in de portefeuille': 1 } },
  error: null,
  problems: [{ row: 5, column: null, message: 'Geen woning in de portefeuille' }],
};

function answering(status: number, json: unknown): Uploader & { calls: string[] } {
  const calls: string[] = [];
  const uploader = (async (url, token, body, onProgress) => {
    calls.push(url, token, String(body.size));
    onProgress(body.size, body.size);
    return { status, json };
  }) as Uploader & { calls: string[] };
  uploader.calls = calls;
  return uploader;
}

describe('the imports API module', () => {
  it('uploads the file with its kind, name and mapping in the query and reports progress', async () => {
    const uploader = answering(201, { run });
    const progress: number[] = [];
    const file = new File(['a;b\n1;2\n'], 'mijn export.csv');
    const result = await uploadImport(
      'token-1',
      { kind: 'portfolio', file, mapping: { vhe_nummer: 'VHE nr' } },
      (loaded) => progress.push(loaded),
      uploader,
    );
    expect(result).toEqual({ ok: true, value: run });
    const url = new URL(uploader.calls[0] ?? '', 'http://x');
    expect(url.pathname).toBe('/api/imports');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      kind: 'portfolio',
      fileName: 'mijn export.csv',
      mapping: '{"vhe_nummer":"VHE nr"}',
    });
    expect(uploader.calls.slice(1)).toEqual(['token-1', String(file.size)]);
    expect(progress).toEqual([file.size]);
  });

  it('turns a refusal into the server’s own sentence, and no answer into offline', async () => {
    const refused = await uploadImport(
      't',
      { kind: 'ep-online', file: new File(['x'], 'groot.zip') },
      () => undefined,
      answering(413, { error: 'file_too_large', message: 'Het bestand is groter dan 3.0 GB.' }),
    );
    expect(refused).toEqual({
      ok: false,
      problem: {
        kind: 'refused',
        status: 413,
        error: 'file_too_large',
        message: 'Het bestand is groter dan 3.0 GB.',
      },
    });
    const offline = await uploadImport(
      't',
      { kind: 'bag', file: new File(['{}'], 'pand.json') },
      () => undefined,
      answering(0, undefined),
    );
    expect(offline).toEqual({ ok: false, problem: { kind: 'offline' } });
    const garbled = await uploadImport(
      't',
      { kind: 'bag', file: new File(['{}'], 'pand.json') },
      () => undefined,
      answering(201, { run: { id: 1 } }),
    );
    expect(garbled).toEqual({ ok: false, problem: { kind: 'server-error', status: 201 } });
  });

  it('sends only the first bytes of a portfolio file for the column step', async () => {
    let sent: Blob | undefined;
    const fetchFn = async (_url: string, init?: RequestInit) => {
      sent = init?.body as Blob;
      return Response.json({ columns: ['a', 'b'], suggested: { vhe_nummer: null }, fields: [] });
    };
    const big = new File([new Uint8Array(PREVIEW_BYTES * 3)], 'groot.csv');
    const result = await previewPortfolio('t', big, fetchFn);
    expect(result.ok).toBe(true);
    expect(sent?.size).toBe(PREVIEW_BYTES);
  });

  it('asks for sign-in again when the token is refused', async () => {
    const fetchFn = async () =>
      Response.json({ error: 'unauthenticated', message: 'x' }, { status: 401 });
    expect(await getImport('t', run.id, fetchFn)).toEqual({
      ok: false,
      problem: { kind: 'signed-out' },
    });
  });
});
