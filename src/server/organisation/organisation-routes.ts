// `/api/organisation`: every signed-in user reads their own organisation's name and logo (for
// the reports made on their device); its beheerder changes them. Always the caller's own
// organisation: there is no id in the path to aim at another one.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  ORGANISATION_LOGO_MAX_BYTES,
  OrganisationProfileSchema,
  UpdateOrganisationRequestSchema,
  type OrganisationLogo,
  type OrganisationProfile,
} from '../../shared/organisation.ts';
import { DEFAULT_JSON_LIMITS } from '../../shared/text-safety.ts';
import { errorResponse, readJson } from '../auth/errors.ts';
import { requireAuth, requireRole, type AuthEnv } from '../auth/middleware.ts';
import type { Queryable, Store } from '../store/store.ts';

interface OrganisationRow {
  id: string;
  name: string;
  slug: string;
  logo: Uint8Array | null;
  logo_media_type: string | null;
}

export async function readOrganisationProfile(
  db: Queryable,
  organisationId: string,
): Promise<OrganisationProfile> {
  const { rows } = await db.query<OrganisationRow>(
    'SELECT id, name, slug, logo, logo_media_type FROM organisations WHERE id = $1',
    [organisationId],
  );
  const row = rows[0];
  if (!row) throw new Error(`organisation ${organisationId} of a live session is missing`);
  return OrganisationProfileSchema.parse({
    id: row.id,
    name: row.name,
    slug: row.slug,
    logo:
      row.logo === null
        ? null
        : { mediaType: row.logo_media_type, base64: Buffer.from(row.logo).toString('base64') },
  });
}

/** The image format the bytes really are, whatever the request claimed. */
function sniffImage(bytes: Buffer): OrganisationLogo['mediaType'] | undefined {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length > png.length && png.every((byte, index) => bytes[index] === byte)) {
    return 'image/png';
  }
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'image/jpeg';
  }
  return undefined;
}

export function organisationRoutes(store: Store) {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireAuth(store));

  routes.get('/', async (c) =>
    c.json(await readOrganisationProfile(store, c.get('principal').organisationId)),
  );

  routes.put(
    '/',
    requireRole('beheerder'),
    bodyLimit({
      // The base64 logo plus a name and some JSON.
      maxSize: Math.ceil(ORGANISATION_LOGO_MAX_BYTES / 3) * 4 + 4096,
      onError: (c) =>
        errorResponse(
          c,
          413,
          'too_large',
          `Het logo is te groot: hoogstens ${ORGANISATION_LOGO_MAX_BYTES / 1024} kB.`,
        ),
    }),
    async (c) => {
      // A logo's base64 text is one long string, longer than the general text limit.
      const input = await readJson(c, UpdateOrganisationRequestSchema, {
        ...DEFAULT_JSON_LIMITS,
        maxStringLength: Math.ceil(ORGANISATION_LOGO_MAX_BYTES / 3) * 4 + 4,
      });
      if (!input.ok) return input.response;
      const { name, logo } = input.data;
      let bytes: Buffer | null | undefined;
      if (logo) {
        bytes = Buffer.from(logo.base64, 'base64');
        if (bytes.length > ORGANISATION_LOGO_MAX_BYTES) {
          return errorResponse(
            c,
            400,
            'invalid_input',
            `Het logo is te groot: hoogstens ${ORGANISATION_LOGO_MAX_BYTES / 1024} kB.`,
          );
        }
        if (sniffImage(bytes) !== logo.mediaType) {
          return errorResponse(
            c,
            400,
            'invalid_input',
            'Dit bestand is geen PNG- of JPEG-afbeelding; kies een ander logo.',
          );
        }
      } else if (logo === null) {
        bytes = null;
      }
      const organisationId = c.get('principal').organisationId;
      await store.query(
        `UPDATE organisations SET name = $2,
           logo = CASE WHEN $3::boolean THEN $4::bytea ELSE logo END,
           logo_media_type = CASE WHEN $3::boolean THEN $5::text ELSE logo_media_type END
         WHERE id = $1`,
        [
          organisationId,
          name,
          bytes !== undefined,
          bytes ?? null,
          bytes ? (logo?.mediaType ?? null) : null,
        ],
      );
      return c.json(await readOrganisationProfile(store, organisationId));
    },
  );

  return routes;
}
