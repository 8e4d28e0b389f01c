// Shapes of the account answers that app and server share: the server builds them, the app
// keeps the sign-in answer as its session.
import { z } from 'zod';
import { RoleSchema } from './domain/role.ts';

export const SessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  organisationId: z.string(),
  organisationName: z.string(),
  organisationSlug: z.string(),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

/** The answer to POST /api/auth/sign-in, which is also what a device keeps as its session. */
export const SignInResponseSchema = z.object({
  token: z.string().min(1),
  expiresAt: z.iso.datetime(),
  user: SessionUserSchema,
});
export type SignInResponse = z.infer<typeof SignInResponseSchema>;

export const MeResponseSchema = z.object({
  expiresAt: z.iso.datetime(),
  user: SessionUserSchema,
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

/** The server refuses shorter passwords; the app checks the same bound before sending. */
export const PASSWORD_MIN_LENGTH = 10;

/** One account of the organisation, as a beheerder sees it in GET/POST/PATCH /api/users. */
export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type User = z.infer<typeof UserSchema>;

export const UserListResponseSchema = z.object({ users: z.array(UserSchema) });
export const UserResponseSchema = z.object({ user: UserSchema });

/**
 * A colleague as every signed-in user of the organisation sees them (GET /api/users/directory):
 * enough to put a name to the user ids in histories. No e-mail addresses: inspectors and
 * officers need a name, not a way to reach every account.
 */
export const DirectoryUserSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  role: RoleSchema,
});
export type DirectoryUser = z.infer<typeof DirectoryUserSchema>;

export const UserDirectoryResponseSchema = z.object({ users: z.array(DirectoryUserSchema) });
export type UserDirectoryResponse = z.infer<typeof UserDirectoryResponseSchema>;
