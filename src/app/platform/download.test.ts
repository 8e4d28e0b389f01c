import { afterEach, describe, expect, it, vi } from 'vitest';
import { csvColumns, CSV_MIME, toCsv } from '../../shared/export/index.ts';
import { downloadFile } from './download.ts';

// The unit project runs without a DOM: a minimal document records the link that gets clicked.
function fakeDocument() {
  const links: { href: string; download: string; rel: string; click: () => void }[] = [];
  const clicked: string[] = [];
  vi.stubGlobal('document', {
    createElement: () => {
      const link = {
        href: '',
        download: '',
        rel: '',
        click: () => clicked.push(link.download),
        remove: () => undefined,
      };
      links.push(link);
      return link;
    },
    body: { append: () => undefined },
  });
  return { links, clicked };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('downloadFile', () => {
  it('offers a CSV from toCsv as UTF-8 bytes starting with the BOM, under the given name', async () => {
    const { clicked } = fakeDocument();
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((object) => {
      blob = object as Blob;
      return 'blob:test';
    });
    const col = csvColumns<{ naam: string }>();
    downloadFile(
      'efg.csv',
      CSV_MIME,
      toCsv([col.text('Naam', (row) => row.naam)], [{ naam: 'Café' }]),
    );
    expect(clicked).toEqual(['efg.csv']);
    expect(blob?.type).toBe(CSV_MIME);
    const bytes = new Uint8Array(await (blob as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('Naam\r\nCafé\r\n');
  });

  it('passes a Blob through unchanged', () => {
    const { clicked } = fakeDocument();
    const given = new Blob(['{}'], { type: 'application/json' });
    let blob: unknown;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((object) => {
      blob = object;
      return 'blob:test';
    });
    downloadFile('org.json', 'application/json', given);
    expect(blob).toBe(given);
    expect(clicked).toEqual(['org.json']);
  });
});
