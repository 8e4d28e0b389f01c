import { roles, type Role } from '../../shared/domain/role.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { hashPassword } from '../auth/password.ts';
import type { Queryable } from '../store/store.ts';

// One demo account per role, so someone trying Schouw can see what each role may do.
// The password is public (README); these accounts exist only in the demo organisation.
export const DEMO_PASSWORD = 'schouw-demo';

const DISPLAY_NAMES: Record<Role, string> = {
  inspecteur: 'Demo Inspecteur',
  duurzaamheid: 'Demo Duurzaamheid',
  veiligheid: 'Demo Veiligheid',
  beheerder: 'Demo Beheerder',
};

export const demoUsers: readonly { email: string; displayName: string; role: Role }[] = roles.map(
  (role) => ({ email: `${role}@demo.schouw.nl`, displayName: DISPLAY_NAMES[role], role }),
);

/**
 * Gives the demo organisation its demo users when it has no users at all (a fresh install,
 * or one seeded before accounts existed). Once any user exists nothing is added, so a
 * beheerder who removed or renamed demo accounts is not overruled at the next start.
 * Returns the number of users created. Call inside the seeding transaction.
 */
export async function seedDemoUsers(tx: Queryable, slug: string): Promise<number> {
  const { rows } = await tx.query<{ id: string; users: number }>(
    `SELECT o.id, (SELECT count(*) FROM users u WHERE u.organisation_id = o.id) AS users
       FROM organisations o WHERE o.slug = $1`,
    [slug],
  );
  const organisation = rows[0];
  if (!organisation || organisation.users > 0) return 0;
  for (const user of demoUsers) {
    await tx.query(
      `INSERT INTO users (id, organisation_id, email, display_name, role, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        uuidv7(),
        organisation.id,
        user.email,
        user.displayName,
        user.role,
        await hashPassword(DEMO_PASSWORD),
      ],
    );
  }
  return demoUsers.length;
}
