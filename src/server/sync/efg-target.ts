// The organisation's EFG target over HTTP: every signed-in user of the organisation reads it (the
// progress panel), duurzaamheid and beheerder set it. The app keeps the last answer on the device.
import { Hono } from 'hono';
import {
  DEFAULT_EFG_TARGET,
  EfgTargetResponseSchema,
  EfgTargetSchema,
  type EfgTargetResponse,
} from '../../shared/domain/efg-progress.ts';
import { readJson } from '../auth/errors.ts';
import { requireAuth, requirePermission, type AuthEnv } from '../auth/middleware.ts';
import type { Queryable, Store } from '../store/store.ts';

interface TargetRow {
  deadline: string;
  share_percent: number;
  updated_at: Date;
}

/** The organisation's target, or the default when it has not set one. */
export async function readEfgTarget(
  db: Queryable,
  organisationId: string,
): Promise<EfgTargetResponse> {
  const { rows } = await db.query<TargetRow>(
    `SELECT to_char(deadline, 'YYYY-MM-DD') AS deadline, share_percent, updated_at
       FROM efg_targets WHERE organisation_id = $1`,
    [organisationId],
  );
  const row = rows[0];
  return EfgTargetResponseSchema.parse(
    row
      ? {
          target: { deadline: row.deadline, sharePercent: row.share_percent },
          isDefault: false,
          updatedAt: new Date(row.updated_at).toISOString(),
        }
      : { target: DEFAULT_EFG_TARGET, isDefault: true, updatedAt: null },
  );
}

export function efgTargetRoutes(store: Store) {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireAuth(store));

  routes.get('/', async (c) =>
    c.json(await readEfgTarget(store, c.get('principal').organisationId)),
  );

  routes.put('/', requirePermission('efg.status.wijzigen'), async (c) => {
    const parsed = await readJson(c, EfgTargetSchema);
    if (!parsed.ok) return parsed.response;
    const principal = c.get('principal');
    await store.query(
      `INSERT INTO efg_targets (organisation_id, deadline, share_percent, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (organisation_id) DO UPDATE
         SET deadline = EXCLUDED.deadline, share_percent = EXCLUDED.share_percent,
             updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [principal.organisationId, parsed.data.deadline, parsed.data.sharePercent, principal.userId],
    );
    return c.json(await readEfgTarget(store, principal.organisationId));
  });

  return routes;
}
