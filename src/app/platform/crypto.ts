// SHA-256 through WebCrypto. Photos are stored and synced under the hash of their bytes, so the
// same photo is stored once and the server can verify an upload arrived intact.

export type HashFunction = (data: ArrayBuffer | Uint8Array) => Promise<string>;

export const sha256Hex: HashFunction = async (data) => {
  const subtle = globalThis.crypto?.subtle;
  // crypto.subtle only exists in secure contexts (https or localhost).
  if (!subtle)
    throw new Error('Versleuteling (crypto.subtle) is niet beschikbaar: open de app via https.');
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
};
