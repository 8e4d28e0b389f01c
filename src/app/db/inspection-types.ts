// The inspection record as the device stores and syncs it; defined once in the shared domain so
// the server checks pushed ops against the same schema.
export {
  InspectionRecordSchema,
  InspectionStatusSchema,
  type InspectionRecord,
  type InspectionStatus,
} from '../../shared/domain/index.ts';
