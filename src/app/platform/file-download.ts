// Offers a file (the backup, a photo kept when storage was full) as a download without a server
// round trip.

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the URL asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadTextFile(
  fileName: string,
  text: string,
  mimeType = 'application/json',
): void {
  downloadBlob(new Blob([text], { type: mimeType }), fileName);
}

/** Reads a user-chosen file (e.g. from <input type=file>) as text. */
export function readTextFile(file: Blob): Promise<string> {
  return file.text();
}
