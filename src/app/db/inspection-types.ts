// The inspection record as the device stores and syncs it.
import { z } from 'zod';
import {
  EntityIdSchema,
  GeoPositionSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  ModuleIdSchema,
  TargetLevelSchema,
} from '../../shared/domain/index.ts';

export const InspectionStatusSchema = z.enum(['planned', 'draft', 'finished', 'reopened']);
export type InspectionStatus = z.infer<typeof InspectionStatusSchema>;

export const InspectionRecordSchema = z.object({
  id: EntityIdSchema,
  module: ModuleIdSchema,
  /** Template id and version the form was started with; an old draft keeps its version. */
  templateId: ModuleIdSchema,
  templateVersion: z.number().int().positive(),
  targetLevel: TargetLevelSchema,
  /** Id of the complex, pand or verblijfsobject inspected. */
  targetId: EntityIdSchema,
  /** The complex the target belongs to, so a complex lists all its inspections at once. */
  complexId: EntityIdSchema,
  status: InspectionStatusSchema,
  plannedFor: IsoDateSchema.optional(),
  startedAt: IsoDateTimeSchema.optional(),
  finishedAt: IsoDateTimeSchema.optional(),
  inspectorId: z.string().min(1).optional(),
  position: GeoPositionSchema.optional(),
  /** The finished inspection whose answers were carried forward into this one. */
  carriedForwardFrom: EntityIdSchema.optional(),
});
export type InspectionRecord = z.infer<typeof InspectionRecordSchema>;
