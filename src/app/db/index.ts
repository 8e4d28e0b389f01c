// The public face of local storage: the UI imports from here (never database.ts).
export { createStore, getAppStore, type CreateStoreOptions, type SchouwStore } from './store.ts';
export type { StoreOptions } from './store-context.ts';
export type { Live } from './live.ts';
export {
  InspectionClosedError,
  InvalidInputError,
  InvalidStateError,
  NotFoundError,
  StorageFullError,
  StoreError,
  type StoreErrorCode,
} from './errors.ts';
export type { AnswerChangeReason, PhotoOwner } from './database.ts';
export type {
  ComplexDetail,
  DwellingDetail,
  DwellingHit,
  LabelCounts,
  PandWithDwellings,
  PortfolioComplex,
  PortfolioDwelling,
  PortfolioInfo,
  PortfolioPand,
  PortfolioSearchResult,
  SearchOptions,
} from './portfolio-repository.ts';
export type {
  InspectionView,
  PlanInspectionInput,
  StartInspectionInput,
} from './inspection-repository.ts';
export type { InspectionRecord, InspectionStatus } from './inspection-types.ts';
export type { AnswerHistoryEntry, AnswerView, SaveAnswerOptions } from './answer-repository.ts';
export type { FindingChanges, FindingView, NewFinding } from './finding-repository.ts';
export type { ActionChanges, ActionView, NewAction } from './action-repository.ts';
export type { ResolvedCheckAction } from './check-findings-writer.ts';
export type { Refusal } from './refusal-repository.ts';
export type {
  EfgCandidate,
  EfgOpname,
  EfgPlannedOpname,
  EfgStatusChange,
} from './efg-repository.ts';
export type {
  BuildingFile,
  BuildingRef,
  FireSafetyAction,
  FireSafetyActionGroup,
  FireSafetyOverview,
  RoundScheduleInput,
  RoundScheduleView,
  ScheduledBuilding,
} from './round-schedule-repository.ts';
export {
  MAX_PHOTO_BYTES,
  PHOTO_HEADROOM_BYTES,
  type NewPhoto,
  type PhotoImage,
  type PhotoView,
  type PhotoWithData,
} from './photo-repository.ts';
export {
  AnnotationLayerSchema,
  type AnnotationLayer,
  type AnnotationShape,
} from './photo-types.ts';
export type { PhotoNote, PhotoNotes } from '../../shared/domain/photo-note.ts';
export { UNSYNCED_WARNING_AGE_MS, type OutboxSummary } from './outbox-repository.ts';
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupImportReport,
  type BackupProblem,
  type BackupTable,
} from './backup-repository.ts';
export type { TemplateCatalogue, TemplateInfo } from './template-catalogue.ts';
export type { ColleagueDirectory } from './colleague-repository.ts';
export {
  getAppSyncStore,
  type ApplyPullInput,
  type PendingPhotoUpload,
  type SyncStore,
} from './sync-store.ts';
