// Offers a text document (the backup file) as a download without a server round trip.

export function downloadTextFile(
  fileName: string,
  text: string,
  mimeType = 'application/json',
): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
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

/** Reads a user-chosen file (e.g. from <input type=file>) as text. */
export function readTextFile(file: Blob): Promise<string> {
  return file.text();
}
