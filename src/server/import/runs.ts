import path from 'node:path';
import { uuidv7 } from '../../shared/ids.ts';
import type { Queryable, Store } from '../store/store.ts';
import type { ImportReport } from './report.ts';

// Every import is recorded in import_runs. The run row is written outside the import's
// transaction, so a failed import (rolled back as a whole) still leaves its reason behind.

export interface ImportRunContext {
  runId: string;
  organisationId: string;
}

export async function recordImportRun(
  store: Store,
  kind: ImportReport['kind'],
  organisationId: string,
  file: string,
  work: (tx: Queryable, context: ImportRunContext) => Promise<ImportReport>,
): Promise<ImportReport & { runId: string }> {
  const runId = uuidv7();
  await store.query(
    `INSERT INTO import_runs (id, organisation_id, kind, file_name, status)
     VALUES ($1, $2, $3, $4, 'running')`,
    [runId, organisationId, kind, path.basename(file)],
  );
  try {
    const report = await store.transaction((tx) => work(tx, { runId, organisationId }));
    const { problems, unmatchedRows, ...summary } = report;
    await store.query(
      `UPDATE import_runs SET status = 'succeeded', finished_at = now(), summary = $2, problems = $3
       WHERE id = $1`,
      [runId, JSON.stringify(summary), JSON.stringify([...problems, ...unmatchedRows])],
    );
    return { ...report, runId };
  } catch (error) {
    await store.query(
      `UPDATE import_runs SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`,
      [runId, error instanceof Error ? error.message : String(error)],
    );
    throw error;
  }
}

/** Finds an organisation by id or slug; throws a one-line message when there is none. */
export async function resolveOrganisation(
  store: Pick<Store, 'query'>,
  idOrSlug: string,
): Promise<{ id: string; slug: string; name: string }> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  const result = await store.query<{ id: string; slug: string; name: string }>(
    isUuid
      ? 'SELECT id, slug, name FROM organisations WHERE id = $1'
      : 'SELECT id, slug, name FROM organisations WHERE slug = $1',
    [isUuid ? idOrSlug.toLowerCase() : idOrSlug],
  );
  const organisation = result.rows[0];
  if (!organisation) {
    throw new Error(`Organisatie "${idOrSlug}" bestaat niet (organisation not found)`);
  }
  return organisation;
}
