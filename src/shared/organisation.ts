// The organisation's own name and logo as its beheerder sets them (GET/PUT /api/organisation);
// the app keeps the last answer on the device, so PDF reports carry them offline too.
import { z } from 'zod';

/** Large enough for a crisp report logo, small enough to keep on every device. */
export const ORGANISATION_LOGO_MAX_BYTES = 100 * 1024;

export const LogoMediaTypeSchema = z.enum(['image/png', 'image/jpeg'], {
  error: 'Een logo moet een PNG- of JPEG-afbeelding zijn.',
});

export const OrganisationLogoSchema = z.object({
  mediaType: LogoMediaTypeSchema,
  /** The image bytes, base64. */
  base64: z
    .string({ error: 'Het logo ontbreekt.' })
    // 4 characters per 3 bytes: a bound before decoding anything.
    .max(Math.ceil(ORGANISATION_LOGO_MAX_BYTES / 3) * 4, {
      error: `Het logo is te groot: hoogstens ${ORGANISATION_LOGO_MAX_BYTES / 1024} kB.`,
    })
    .pipe(z.base64({ error: 'Het logo is geen geldige afbeelding (base64).' })),
});
export type OrganisationLogo = z.infer<typeof OrganisationLogoSchema>;

export const OrganisationProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  logo: OrganisationLogoSchema.nullable(),
});
export type OrganisationProfile = z.infer<typeof OrganisationProfileSchema>;

/** PUT /api/organisation: the new display name, and the logo (null removes it; absent keeps it). */
export const UpdateOrganisationRequestSchema = z.object({
  name: z
    .string({ error: 'Vul de naam van de organisatie in.' })
    .trim()
    .min(1, { error: 'Vul de naam van de organisatie in.' })
    .max(100, { error: 'De naam mag hoogstens 100 tekens hebben.' }),
  logo: OrganisationLogoSchema.nullable().optional(),
});
export type UpdateOrganisationRequest = z.infer<typeof UpdateOrganisationRequestSchema>;
