// The local database schemas exactly as they shipped. Tablets in the field hold databases with
// these layouts; they are copied here (not imported from src/app/db/database.ts) so an edit to a
// shipped version in the code is caught by the upgrade tests.
export const SHIPPED_V1 = {
  complexes: 'id, complexnummer',
  panden: 'id, complexId, bagPandId',
  dwellings: 'id, complexId',
  inspections: 'id, [targetLevel+targetId], complexId, status',
  answers: '[inspectionId+questionId]',
  answerHistory: 'id, [inspectionId+questionId]',
  findings: 'id, inspectionId',
  actions: 'id, inspectionId, findingId, pandId, status',
  photos: 'hash, inspectionId, findingId, uploaded',
  photoData: 'hash',
  photoThumbnails: 'hash',
  photoAnnotations: 'hash',
  outbox: '[clientId+seq], createdAt',
  meta: 'key',
};

/** Version 2 as shipped: version 1 plus the dwellings' search-token index. */
export const SHIPPED_V2_CHANGES = {
  dwellings: 'id, complexId, *searchTokens',
};

/** Version 3 as shipped: the review workspaces' synced records. */
export const SHIPPED_V3_CHANGES = {
  efgCases: 'id, complexId, status',
  roundSchedules: 'id, pandId, complexId',
};
