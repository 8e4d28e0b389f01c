// UUIDv7 identifiers: time-ordered (so indexes stay compact and ids sort by creation) and
// unique across devices without coordination, so a tablet can create records offline.

interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

const defaultRandom = (globalThis as { crypto?: RandomSource }).crypto;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A new UUIDv7 (RFC 9562): 48-bit millisecond timestamp, version 7, variant 10, random rest. */
export function uuidv7(
  now: number = Date.now(),
  random: RandomSource | undefined = defaultRandom,
): string {
  if (!random)
    throw new Error('Geen bron van willekeurige getallen beschikbaar (crypto ontbreekt).');
  const bytes = random.getRandomValues(new Uint8Array(16));
  let time = Math.max(0, Math.floor(now));
  for (let index = 5; index >= 0; index -= 1) {
    bytes[index] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function isUuidv7(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** The creation time in milliseconds encoded in a UUIDv7. */
export function uuidv7Time(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}
