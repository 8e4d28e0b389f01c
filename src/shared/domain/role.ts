import { z } from 'zod';

export const RoleSchema = z.enum(['inspecteur', 'duurzaamheid', 'veiligheid', 'beheerder'], {
  error: 'Onbekende rol: kies inspecteur, duurzaamheid, veiligheid of beheerder.',
});
export type Role = z.infer<typeof RoleSchema>;

export const roles: readonly Role[] = RoleSchema.options;

// Who may do what, as data: the app hides what a role may not do, and the server enforces
// the same table when it checks a workflow transition.
export const PermissionSchema = z.enum([
  'inspectie.uitvoeren',
  'actie.aanmaken',
  'actie.afsluiten',
  'actie.afsluiten.brandveiligheid',
  'actie.heropenen',
  'efg.status.wijzigen',
  'brandronde.plannen',
  'portefeuille.beheren',
]);
export type Permission = z.infer<typeof PermissionSchema>;

export const permissionRoles: Readonly<Record<Permission, readonly Role[]>> = {
  'inspectie.uitvoeren': ['inspecteur', 'duurzaamheid', 'veiligheid', 'beheerder'],
  'actie.aanmaken': ['inspecteur', 'duurzaamheid', 'veiligheid', 'beheerder'],
  // Non-fire-safety actions may be closed by the team that owns them (see action.ts).
  'actie.afsluiten': ['inspecteur', 'duurzaamheid', 'veiligheid', 'beheerder'],
  'actie.afsluiten.brandveiligheid': ['veiligheid', 'beheerder'],
  'actie.heropenen': ['beheerder'],
  'efg.status.wijzigen': ['duurzaamheid', 'beheerder'],
  'brandronde.plannen': ['veiligheid', 'beheerder'],
  'portefeuille.beheren': ['beheerder'],
};

export function may(role: Role, permission: Permission): boolean {
  return permissionRoles[permission].includes(role);
}
