// What a pushed op may set, per entity: the field schemas of the shared registry
// (src/shared/sync/entities.ts), derived from the same domain schemas the app stores with, strict
// so an unknown field is refused rather than stored.
import type { z } from 'zod';
import { EntityIdSchema, Sha256HexSchema } from '../../shared/domain/index.ts';
import { answerIdParts, syncedEntities } from '../../shared/sync/entities.ts';
import type { EntityType } from '../../shared/sync/protocol.ts';

export const ActionFieldsSchema = syncedEntities.action.fields;
export const EfgCaseFieldsSchema = syncedEntities.efgCase.fields;

export const entityFieldSchemas: Readonly<Record<EntityType, z.ZodType>> = Object.fromEntries(
  Object.entries(syncedEntities).map(([entity, spec]) => [entity, spec.fields]),
) as Record<EntityType, z.ZodType>;

/** Checks the record id's form per entity; returns a Dutch problem or undefined. */
export function idProblem(entity: EntityType, id: string): string | undefined {
  switch (syncedEntities[entity].key) {
    case 'hash':
      return Sha256HexSchema.safeParse(id).success
        ? undefined
        : 'Een foto-id moet een SHA-256 in hex zijn.';
    case 'inspection-question': {
      // answerOpId in the app: "<inspectionId>/<questionId>".
      const [inspectionId, questionId, ...rest] = id.split('/');
      return EntityIdSchema.safeParse(inspectionId).success && questionId && rest.length === 0
        ? undefined
        : 'Een antwoord-id moet de vorm <inspectie-id>/<vraag-id> hebben.';
    }
    case 'id':
      return EntityIdSchema.safeParse(id).success ? undefined : 'De id moet een UUID zijn.';
  }
}

/** The inspection a record belongs to (for ownership checks); undefined when it has none. */
export function inspectionIdOf(
  entity: EntityType,
  id: string,
  values: Record<string, unknown>,
): string | undefined {
  if (entity === 'inspection') return id;
  if (syncedEntities[entity].key === 'inspection-question') return answerIdParts(id).inspectionId;
  const value = values.inspectionId;
  return typeof value === 'string' ? value : undefined;
}

export function fieldProblems(entity: EntityType, fields: Record<string, unknown>): string[] {
  const result = entityFieldSchemas[entity].safeParse(fields);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const where = issue.path.map(String).join('.');
    return issue.code === 'unrecognized_keys'
      ? `Onbekend veld voor ${entity}: ${issue.keys.join(', ')}.`
      : `${where ? `${where}: ` : ''}${issue.message}`;
  });
}
