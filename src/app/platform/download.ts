import { downloadBlob } from './file-download.ts';

// The one call the workspaces use for a list download: `downloadFile('efg.csv', CSV_MIME,
// toCsv(columns, rows))`. Text is encoded as UTF-8 by the Blob, so the BOM that toCsv puts first
// becomes the bytes EF BB BF that Dutch Excel needs to read accents correctly.

export type DownloadContent = string | Blob | Uint8Array<ArrayBuffer>;

/** Offers `content` as a file named `name` (e.g. "efg-lijst-2026-11-22.csv") of type `mime`. */
export function downloadFile(name: string, mime: string, content: DownloadContent): void {
  const blob = content instanceof Blob ? content : new Blob([content], { type: mime });
  downloadBlob(blob, name);
}
