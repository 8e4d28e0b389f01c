import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '../../shared/auth.ts';
import { RoleSchema } from '../../shared/domain/role.ts';
import { safeText } from '../../shared/text-safety-schemas.ts';

// Request and response shapes of the account routes. Inputs carry Dutch messages because
// the first one becomes the `message` of the 400 answer.

export const EmailSchema = z
  .string({ error: 'Vul een e-mailadres in.' })
  .trim()
  .toLowerCase()
  .max(254, { error: 'Dit e-mailadres is te lang.' })
  .pipe(z.email({ error: 'Dit is geen geldig e-mailadres.' }));

export const NewPasswordSchema = z
  .string({ error: 'Vul een wachtwoord in.' })
  .min(PASSWORD_MIN_LENGTH, {
    error: `Kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens.`,
  })
  // Bounded so nobody can make the server hash megabytes.
  .max(200, { error: 'Een wachtwoord mag hoogstens 200 tekens hebben.' });

export const DisplayNameSchema = z
  .string({ error: 'Vul een naam in.' })
  .trim()
  .min(1, { error: 'Vul een naam in.' })
  .max(100, { error: 'Een naam mag hoogstens 100 tekens hebben.' })
  .check(safeText());

export const SignInRequestSchema = z.object({
  organisation: z
    .string()
    .trim()
    .toLowerCase()
    .max(100, { error: 'Deze organisatiecode is te lang.' })
    .check(safeText())
    .optional()
    .transform((slug) => (slug === '' ? undefined : slug)),
  email: EmailSchema,
  password: z
    .string({ error: 'Vul uw wachtwoord in.' })
    .min(1, { error: 'Vul uw wachtwoord in.' })
    .max(200, { error: 'Dit wachtwoord is te lang.' })
    .check(safeText()),
});

/** POST /api/auth/setup-code: a one-time code from `npm run admin` and the password to choose. */
export const SetupCodeRequestSchema = z.object({
  organisation: SignInRequestSchema.shape.organisation,
  email: EmailSchema,
  code: z
    .string({ error: 'Vul de eenmalige code in.' })
    .trim()
    .min(1, { error: 'Vul de eenmalige code in.' })
    .max(40, { error: 'Deze code is te lang.' }),
  password: NewPasswordSchema,
});

export {
  MeResponseSchema,
  PASSWORD_MIN_LENGTH,
  SessionUserSchema,
  SignInResponseSchema,
  UserDirectoryResponseSchema,
  UserSchema,
  type MeResponse,
  type SessionUser,
  type SignInResponse,
  type User,
  type UserDirectoryResponse,
} from '../../shared/auth.ts';

export const CreateUserRequestSchema = z.object({
  email: EmailSchema,
  displayName: DisplayNameSchema,
  role: RoleSchema,
  password: NewPasswordSchema,
});

export const UpdateUserRequestSchema = z
  .object({
    displayName: DisplayNameSchema.optional(),
    role: RoleSchema.optional(),
    disabled: z.boolean({ error: 'Kies of het account uitgeschakeld is (ja of nee).' }).optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    error: 'Geef aan wat er moet veranderen: naam, rol of uitgeschakeld.',
  });

export const SetPasswordRequestSchema = z.object({ password: NewPasswordSchema });
