// `npm run admin` as an operator runs it (a process of its own), on both stores: a new
// organisation's first beheerder signs in with the printed one-time code or a password from
// stdin, passwords are reset with a new code, accounts disabled, and mistakes get one Dutch line.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteStore } from '../../src/server/store/pglite-store.ts';
import { openPostgresStore } from '../../src/server/store/postgres-store.ts';
import type { Store, StoreKind } from '../../src/server/store/store.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres.ts';
import { makeTempDir, storeKinds } from './store-fixtures.ts';
import { appFor } from './support/app.ts';

const root = path.join(import.meta.dirname, '../..');
const CODE =
  /Eenmalige code \(one-time setup code\): ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runAdmin(
  args: readonly string[],
  storeEnv: Record<string, string>,
  stdin?: string,
): Promise<Run> {
  const env: Record<string, string | undefined> = { ...process.env, ...storeEnv };
  if (!('DATABASE_URL' in storeEnv)) delete env.DATABASE_URL;
  delete env.SCHOUW_DEMO;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/admin.ts', ...args], {
      cwd: root,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

function expectFailure(run: Run, message: RegExp): void {
  expect(run.code, run.stdout + run.stderr).toBe(1);
  expect(run.stderr.trim().split('\n')[0]).toMatch(/^Beheer mislukt \(admin command failed\): /);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

function codeOf(run: Run): string {
  const match = CODE.exec(run.stdout);
  if (!match?.[1]) throw new Error(`no code in: ${run.stdout} ${run.stderr}`);
  return match[1];
}

describe.each(storeKinds)('npm run admin on %s', (kind: StoreKind) => {
  let database: TestDatabase | undefined;
  let storeEnv: Record<string, string>;
  beforeAll(async () => {
    if (kind === 'postgres') {
      database = await createTestDatabase();
      storeEnv = { DATABASE_URL: database.url };
    } else {
      storeEnv = { SCHOUW_DATA_DIR: makeTempDir('admin-cli') };
    }
  });
  afterAll(async () => {
    await database?.drop();
  });

  /** The store as the server would open it, while no command runs (PGlite has one opener). */
  async function withApp<T>(fn: (app: ReturnType<typeof appFor>, store: Store) => Promise<T>) {
    const store =
      kind === 'postgres'
        ? await openPostgresStore(storeEnv.DATABASE_URL ?? '')
        : await openPgliteStore(path.join(storeEnv.SCHOUW_DATA_DIR ?? '', 'pglite'));
    try {
      return await fn(appFor(store), store);
    } finally {
      await store.close();
    }
  }

  const post = (app: ReturnType<typeof appFor>, url: string, body: unknown) =>
    app.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('creates organisations with their first beheerder, who signs in with the code or the password', async () => {
    const created = await runAdmin(
      [
        'organisation',
        'create',
        '--name',
        'Woonstichting Noord',
        '--slug',
        'woonstichting-noord',
        '--admin-email',
        'Anna@Noord.nl',
        '--admin-name',
        'Anna de Vries',
      ],
      storeEnv,
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(
      'Organisatie aangemaakt (organisation created): Woonstichting Noord (woonstichting-noord)',
    );
    expect(created.stdout).toContain('Beheerder (administrator): Anna de Vries <anna@noord.nl>');
    const code = codeOf(created);

    const piped = await runAdmin(
      [
        'organisation',
        'create',
        '--name',
        'Zuid',
        '--slug',
        'zuid',
        '--admin-email',
        'bea@zuid.nl',
        '--password-stdin',
      ],
      storeEnv,
      'een-lang-wachtwoord\n',
    );
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).not.toMatch(CODE);

    expectFailure(
      await runAdmin(
        [
          'organisation',
          'create',
          '--name',
          'Ander',
          '--slug',
          'woonstichting-noord',
          '--admin-email',
          'x@y.nl',
        ],
        storeEnv,
      ),
      /slug woonstichting-noord is al in gebruik door organisatie "Woonstichting Noord"/,
    );
    expectFailure(
      await runAdmin(
        [
          'organisation',
          'create',
          '--name',
          'Ander',
          '--slug',
          'ander',
          '--admin-email',
          'geen-adres',
        ],
        storeEnv,
      ),
      /Dit is geen geldig e-mailadres\. \(--admin-email: "geen-adres"\)/,
    );
    expectFailure(
      await runAdmin(
        [
          'organisation',
          'create',
          '--name',
          'Demo',
          '--slug',
          'demo-woonstichting',
          '--admin-email',
          'x@y.nl',
        ],
        storeEnv,
      ),
      /gereserveerd voor de demo-organisatie/,
    );
    expectFailure(
      await runAdmin(
        [
          'organisation',
          'create',
          '--name',
          'Kort',
          '--slug',
          'kort',
          '--admin-email',
          'x@kort.nl',
          '--password-stdin',
        ],
        storeEnv,
        'kort\n',
      ),
      /minstens 10 tekens/,
    );

    const list = await runAdmin(['organisation', 'list'], storeEnv);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout.trim().split('\n')).toEqual([
      'woonstichting-noord\tWoonstichting Noord\t1 gebruikers, 1 actieve beheerders',
      'zuid\tZuid\t1 gebruikers, 1 actieve beheerders',
    ]);

    await withApp(async (app, store) => {
      // Production: no demo organisation and no demo password anywhere.
      const { rows } = await store.query<{ slug: string }>(
        'SELECT slug FROM organisations ORDER BY slug',
      );
      expect(rows.map((row) => row.slug)).toEqual(['woonstichting-noord', 'zuid']);
      expect(
        (await post(app, '/api/auth/sign-in', { email: 'anna@noord.nl', password: 'x'.repeat(10) }))
          .status,
      ).toBe(401);
      const redeemed = await post(app, '/api/auth/setup-code', {
        email: 'anna@noord.nl',
        code,
        password: 'annas-eigen-wachtwoord',
      });
      expect(redeemed.status).toBe(200);
      expect(await redeemed.json()).toMatchObject({
        user: {
          role: 'beheerder',
          displayName: 'Anna de Vries',
          organisationSlug: 'woonstichting-noord',
        },
      });
      expect(
        (
          await post(app, '/api/auth/sign-in', {
            email: 'anna@noord.nl',
            password: 'annas-eigen-wachtwoord',
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await post(app, '/api/auth/sign-in', {
            email: 'bea@zuid.nl',
            password: 'een-lang-wachtwoord',
          })
        ).status,
      ).toBe(200);
    });
  }, 600_000);

  it('resets a password with a new code and disables an account', async () => {
    expectFailure(
      await runAdmin(
        ['user', 'reset-password', '--email', 'anna@noord.nl', '--org', 'bestaat-niet'],
        storeEnv,
      ),
      /Organisatie "bestaat-niet" bestaat niet/,
    );
    expectFailure(
      await runAdmin(['user', 'reset-password', '--email', 'niemand@noord.nl'], storeEnv),
      /geen gebruiker met e-mailadres niemand@noord\.nl/,
    );
    const reset = await runAdmin(
      ['user', 'reset-password', '--email', 'ANNA@noord.nl', '--org', 'woonstichting-noord'],
      storeEnv,
    );
    expect(reset.code, reset.stderr).toBe(0);
    const code = codeOf(reset);
    await withApp(async (app) => {
      expect(
        (
          await post(app, '/api/auth/sign-in', {
            email: 'anna@noord.nl',
            password: 'annas-eigen-wachtwoord',
          })
        ).status,
      ).toBe(401);
      expect(
        (
          await post(app, '/api/auth/setup-code', {
            email: 'anna@noord.nl',
            code,
            password: 'weer-een-wachtwoord',
          })
        ).status,
      ).toBe(200);
    });

    const disabled = await runAdmin(['user', 'disable', '--email', 'bea@zuid.nl'], storeEnv);
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(disabled.stdout).toContain('is uitgeschakeld');
    await withApp(async (app) => {
      const refused = await post(app, '/api/auth/sign-in', {
        email: 'bea@zuid.nl',
        password: 'een-lang-wachtwoord',
      });
      expect(refused.status).toBe(403);
    });
    expectFailure(
      await runAdmin(['organisation', 'delete'], storeEnv),
      /Onbekende opdracht "organisation delete"/,
    );
  }, 600_000);
});
