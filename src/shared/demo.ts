// The demo organisation's slug: the server seeds it (src/server/demo), the app marks a session of
// that organisation "Demo-omgeving", and `npm run admin` refuses it for a real organisation.
export const DEMO_ORGANISATION_SLUG = 'demo-woonstichting';

export function isDemoOrganisation(slug: string): boolean {
  return slug === DEMO_ORGANISATION_SLUG;
}
