import { describe, expect, it } from 'vitest';
import { FindingSchema, type Finding } from './finding.ts';

const photo = 'a'.repeat(64);

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: '0195a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
    inspectionId: '0195a1b2-c3d4-7e5f-9a6b-7c8d9e0f1a2c',
    location: 'Galerij 3e verdieping, bij de lift',
    description: 'Scootmobiel geparkeerd in de vluchtroute',
    severity: 'ernstig',
    photoIds: [photo],
    createdAt: '2025-03-01T10:00:00+01:00',
    ...overrides,
  };
}

describe('FindingSchema', () => {
  it('accepts a finding with NEN 2767 rating and position', () => {
    const full = finding({
      nen2767: { ernst: 'serieus', intensiteit: 2, omvang: 3 },
      position: { lat: 51.92, lon: 4.48, accuracyM: 12 },
    });
    expect(FindingSchema.parse(full)).toEqual(full);
  });

  it('accepts a finding without photos', () => {
    expect(FindingSchema.safeParse(finding({ photoIds: [] })).success).toBe(true);
  });

  it.each<[Partial<Record<keyof Finding, unknown>>, string]>([
    [{ location: ' ' }, 'Vul in waar in het gebouw de bevinding is.'],
    [{ description: '' }, 'Vul een omschrijving van de bevinding in.'],
    [{ severity: 'matig' }, 'Urgentie moet direct-gevaar, ernstig of gering zijn.'],
    [{ photoIds: ['ABC'] }, 'Ongeldige foto-id: verwacht 64 hexadecimale tekens (SHA-256).'],
    [
      { photoIds: ['A'.repeat(64)] },
      'Ongeldige foto-id: verwacht 64 hexadecimale tekens (SHA-256).',
    ],
    [{ id: 'f-1' }, 'Ongeldige id: verwacht een UUID.'],
    [
      { createdAt: '2025-03-01' },
      'Ongeldig tijdstip: verwacht ISO 8601 met tijdzone, bijvoorbeeld 2025-03-01T09:30:00Z.',
    ],
    [{ position: { lat: 91, lon: 4, accuracyM: 5 } }, 'Breedtegraad ligt tussen -90 en 90.'],
    [{ position: { lat: 52, lon: 4, accuracyM: -1 } }, 'Nauwkeurigheid kan niet negatief zijn.'],
    [
      { nen2767: { ernst: 'gering', intensiteit: 0, omvang: 1 } },
      'Intensiteit moet 1, 2 of 3 zijn.',
    ],
  ])('rejects %j with "%s"', (change, message) => {
    expect(FindingSchema.safeParse({ ...finding(), ...change }).error?.issues[0]?.message).toBe(
      message,
    );
  });
});
