import { z } from 'zod';

// Entities get UUIDv7 ids on the device (src/shared/ids.ts); any RFC 9562 UUID is accepted so
// records from other systems or older app versions still parse.
export const EntityIdSchema = z.uuid({ error: 'Ongeldige id: verwacht een UUID.' });
export type EntityId = z.infer<typeof EntityIdSchema>;

/** Photos are stored and synced under the SHA-256 of their bytes, lowercase hex. */
export const Sha256HexSchema = z.string({ error: 'Foto-id ontbreekt.' }).regex(/^[0-9a-f]{64}$/, {
  error: 'Ongeldige foto-id: verwacht 64 hexadecimale tekens (SHA-256).',
});
export type Sha256Hex = z.infer<typeof Sha256HexSchema>;
