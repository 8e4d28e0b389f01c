import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isDemoOrganisation } from '../../shared/demo.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { hashPassword } from '../auth/password.ts';
import { DisplayNameSchema, EmailSchema, NewPasswordSchema } from '../auth/schemas.ts';
import { revokeUserSessions } from '../auth/sessions.ts';
import { issueSetupCode, type IssuedSetupCode } from '../auth/setup-codes.ts';
import { parseConfig } from '../config.ts';
import { resolveOrganisation } from '../import/runs.ts';
import { migrate } from '../store/migrate.ts';
import type { Queryable, Store } from '../store/store.ts';
import { openCliStore } from './cli-store.ts';

// `npm run admin -- …`: set up organisations and their first beheerder, reset a password with a
// one-time code, disable an account. The server's store configuration (DATABASE_URL or
// SCHOUW_DATA_DIR, stop the server first for the embedded store); never seeds the demo, because
// these commands are how a real corporation starts.

export const ADMIN_USAGE = [
  'Gebruik (usage):',
  '  npm run admin -- organisation create --name <naam> --slug <slug> --admin-email <e-mail>',
  '                                       [--admin-name <naam>] [--password-stdin]',
  '  npm run admin -- organisation list',
  '  npm run admin -- user reset-password --email <e-mail> [--org <slug>]',
  '  npm run admin -- user disable --email <e-mail> [--org <slug>]',
].join('\n');

/** A mistake of the operator: the message is all they need. */
export class AdminError extends Error {
  override readonly name = 'AdminError';
}

export interface AdminIo {
  out: (line: string) => void;
  /** All of standard input (for --password-stdin). */
  readStdin: () => Promise<string>;
}

const SlugSchema = z
  .string()
  .min(2, { error: 'De slug moet minstens 2 tekens hebben.' })
  .max(63, { error: 'De slug mag hoogstens 63 tekens hebben.' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    error:
      'De slug mag alleen kleine letters, cijfers en losse streepjes bevatten, bijvoorbeeld woonstichting-noord.',
  });

function check<T>(schema: z.ZodType<T>, value: string | undefined, what: string): T {
  if (value === undefined) throw new AdminError(`${what} ontbreekt.\n${ADMIN_USAGE}`);
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AdminError(`${result.error.issues[0]?.message ?? 'Ongeldig.'} (${what}: "${value}")`);
  }
  return result.data;
}

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  dateStyle: 'long',
  timeStyle: 'short',
});

function codeLines(issued: IssuedSetupCode, email: string): string[] {
  return [
    `Eenmalige code (one-time setup code): ${issued.code}`,
    `Geldig tot (valid until): ${dateTime.format(issued.expiresAt)} (Nederlandse tijd)`,
    `Geef deze code alleen aan ${email}: in Schouw onder Account kiest die "Ik heb een eenmalige ` +
      `code", vult e-mailadres, code en een nieuw wachtwoord in, en is dan aangemeld.`,
  ];
}

interface UserMatch {
  id: string;
  email: string;
  display_name: string;
  organisation_slug: string;
}

async function findUser(db: Queryable, email: string, org: string | undefined): Promise<UserMatch> {
  const organisation = org === undefined ? undefined : await resolveOrganisation(db, org);
  const { rows } = await db.query<UserMatch>(
    `SELECT u.id, u.email, u.display_name, o.slug AS organisation_slug
       FROM users u JOIN organisations o ON o.id = u.organisation_id
      WHERE u.email = $1 AND ($2::uuid IS NULL OR o.id = $2::uuid) ORDER BY o.slug`,
    [email, organisation?.id ?? null],
  );
  const [first, ...more] = rows;
  if (!first) {
    throw new AdminError(
      `Er is geen gebruiker met e-mailadres ${email}` +
        (organisation ? ` in organisatie ${organisation.slug}` : '') +
        ' (no such user).',
    );
  }
  if (more.length > 0) {
    throw new AdminError(
      `${email} hoort bij meer dan één organisatie (${rows.map((row) => row.organisation_slug).join(', ')}); ` +
        'kies er een met --org <slug>.',
    );
  }
  return first;
}

async function createOrganisation(store: Store, values: Record<string, unknown>, io: AdminIo) {
  const str = (key: string) => (typeof values[key] === 'string' ? values[key] : undefined);
  const name = check(DisplayNameSchema, str('name'), '--name');
  const slug = check(SlugSchema, str('slug'), '--slug');
  const email = check(EmailSchema, str('admin-email'), '--admin-email');
  const adminName = check(DisplayNameSchema, str('admin-name') ?? 'Beheerder', '--admin-name');
  if (isDemoOrganisation(slug)) {
    throw new AdminError(
      `De slug ${slug} is gereserveerd voor de demo-organisatie; kies een andere.`,
    );
  }
  let passwordHash: string | null = null;
  if (values['password-stdin'] === true) {
    // One line from a pipe or a file; the line end is not part of the password.
    const typed = (await io.readStdin()).replace(/\r?\n$/, '');
    passwordHash = await hashPassword(check(NewPasswordSchema, typed, 'wachtwoord van stdin'));
  }
  const issued = await store.transaction(async (tx) => {
    const taken = await tx.query<{ name: string }>(
      'SELECT name FROM organisations WHERE slug = $1',
      [slug],
    );
    if (taken.rows[0]) {
      throw new AdminError(
        `De slug ${slug} is al in gebruik door organisatie "${taken.rows[0].name}"; kies een andere.`,
      );
    }
    const organisationId = uuidv7();
    await tx.query('INSERT INTO organisations (id, name, slug) VALUES ($1, $2, $3)', [
      organisationId,
      name,
      slug,
    ]);
    const userId = uuidv7();
    await tx.query(
      `INSERT INTO users (id, organisation_id, email, display_name, role, password_hash)
       VALUES ($1, $2, $3, $4, 'beheerder', $5)`,
      [userId, organisationId, email, adminName, passwordHash],
    );
    return passwordHash === null ? await issueSetupCode(tx, userId) : undefined;
  });
  io.out(`Organisatie aangemaakt (organisation created): ${name} (${slug})`);
  io.out(`Beheerder (administrator): ${adminName} <${email}>`);
  if (issued) for (const line of codeLines(issued, email)) io.out(line);
  else io.out('Het wachtwoord van standaardinvoer is ingesteld; de beheerder kan zich aanmelden.');
}

async function listOrganisations(store: Store, io: AdminIo) {
  const { rows } = await store.query<{
    slug: string;
    name: string;
    users: number;
    beheerders: number;
  }>(
    `SELECT o.slug, o.name,
            (SELECT count(*) FROM users u WHERE u.organisation_id = o.id) AS users,
            (SELECT count(*) FROM users u WHERE u.organisation_id = o.id
               AND u.role = 'beheerder' AND u.disabled_at IS NULL) AS beheerders
       FROM organisations o ORDER BY o.slug`,
  );
  if (rows.length === 0) {
    io.out('Nog geen organisaties (no organisations yet): npm run admin -- organisation create …');
    return;
  }
  for (const row of rows) {
    io.out(
      `${row.slug}\t${row.name}\t${row.users} gebruikers, ${row.beheerders} actieve beheerders` +
        (isDemoOrganisation(row.slug) ? '\t(demo)' : ''),
    );
  }
}

async function resetPassword(store: Store, email: string, org: string | undefined, io: AdminIo) {
  const user = await findUser(store, email, org);
  const issued = await store.transaction(async (tx) => {
    // The old password stops working now, and so do the devices signed in with it.
    await tx.query('UPDATE users SET password_hash = NULL WHERE id = $1', [user.id]);
    await revokeUserSessions(tx, user.id);
    return issueSetupCode(tx, user.id);
  });
  io.out(`Wachtwoord van ${user.display_name} <${user.email}> (${user.organisation_slug}) gewist.`);
  for (const line of codeLines(issued, user.email)) io.out(line);
}

async function disableUser(store: Store, email: string, org: string | undefined, io: AdminIo) {
  const user = await findUser(store, email, org);
  await store.transaction(async (tx) => {
    await tx.query('UPDATE users SET disabled_at = coalesce(disabled_at, now()) WHERE id = $1', [
      user.id,
    ]);
    await tx.query('DELETE FROM setup_codes WHERE user_id = $1 AND used_at IS NULL', [user.id]);
    await revokeUserSessions(tx, user.id);
  });
  io.out(
    `Account van ${user.display_name} <${user.email}> (${user.organisation_slug}) is uitgeschakeld; ` +
      'de apparaten van deze gebruiker synchroniseren niet meer.',
  );
}

export async function runAdminCommand(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: AdminIo,
): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        slug: { type: 'string' },
        'admin-email': { type: 'string' },
        'admin-name': { type: 'string' },
        'password-stdin': { type: 'boolean' },
        email: { type: 'string' },
        org: { type: 'string' },
      },
    });
  } catch (error) {
    throw new AdminError(`${(error as Error).message}\n${ADMIN_USAGE}`);
  }
  const command = parsed.positionals.join(' ');
  const known = ['organisation create', 'organisation list', 'user reset-password', 'user disable'];
  if (!known.includes(command)) {
    throw new AdminError(
      `${command === '' ? 'Geen opdracht' : `Onbekende opdracht "${command}"`}.\n${ADMIN_USAGE}`,
    );
  }
  const email = command.startsWith('user ')
    ? check(EmailSchema, parsed.values.email, '--email')
    : undefined;
  const opened = await openCliStore(parseConfig(env));
  try {
    await migrate(opened.store);
    if (command === 'organisation create')
      await createOrganisation(opened.store, parsed.values, io);
    else if (command === 'organisation list') await listOrganisations(opened.store, io);
    else if (command === 'user reset-password')
      await resetPassword(opened.store, email ?? '', parsed.values.org, io);
    else await disableUser(opened.store, email ?? '', parsed.values.org, io);
  } finally {
    await opened.close();
  }
}
