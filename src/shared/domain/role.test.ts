import { describe, expect, it } from 'vitest';
import { may, PermissionSchema, permissionRoles, RoleSchema, type Role } from './role.ts';

describe('roles and permissions', () => {
  it('are the four roles', () => {
    expect(RoleSchema.options).toEqual(['inspecteur', 'duurzaamheid', 'veiligheid', 'beheerder']);
    expect(RoleSchema.safeParse('admin').success).toBe(false);
  });

  it.each<[Role, boolean, boolean]>([
    ['inspecteur', false, false],
    ['duurzaamheid', false, true],
    ['veiligheid', true, false],
    ['beheerder', true, true],
  ])('%s may close fire-safety actions: %s; may change EFG status: %s', (role, fire, efg) => {
    expect(may(role, 'actie.afsluiten.brandveiligheid')).toBe(fire);
    expect(may(role, 'efg.status.wijzigen')).toBe(efg);
  });

  it('lists only known roles for every permission', () => {
    expect(Object.keys(permissionRoles).sort()).toEqual([...PermissionSchema.options].sort());
    for (const allowedRoles of Object.values(permissionRoles))
      for (const role of allowedRoles) expect(RoleSchema.safeParse(role).success).toBe(true);
  });
});
