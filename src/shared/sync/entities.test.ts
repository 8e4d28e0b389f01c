import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answerIdParts, syncedEntities } from './entities.ts';
import { EntityTypeSchema, PROTOCOL_VERSION } from './protocol.ts';

// The registry is what server, pull merge and backup derive from: a name that is not a field of
// the entity would silently protect nothing.
describe('the registry of synced entities', () => {
  it('describes every synced entity type, each from a protocol version the server supports', () => {
    expect(Object.keys(syncedEntities).sort()).toEqual([...EntityTypeSchema.options].sort());
    for (const spec of Object.values(syncedEntities))
      expect(spec.since).toBeLessThanOrEqual(PROTOCOL_VERSION);
  });

  it('names only real fields as fixed, implied by the id, authored or workflow', () => {
    for (const [entity, spec] of Object.entries(syncedEntities)) {
      expect(spec.fields, entity).toBeInstanceOf(z.ZodObject);
      const shape = Object.keys((spec.fields as z.ZodObject).shape);
      const named = [
        ...Object.keys(spec.fixed),
        ...spec.authors,
        ...(spec.workflow ?? []),
        ...Object.keys(spec.fromId?.fields('0190f5a4-1c2d-7000-8000-000000000001/q') ?? {}),
      ];
      for (const name of named) expect(shape, `${entity}.${name}`).toContain(name);
    }
  });

  it('splits an answer id into its inspection and question', () => {
    expect(answerIdParts('insp/vraag-1')).toEqual({ inspectionId: 'insp', questionId: 'vraag-1' });
    expect(answerIdParts('insp')).toEqual({ inspectionId: 'insp', questionId: '' });
  });
});
