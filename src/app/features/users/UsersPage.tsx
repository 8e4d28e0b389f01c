import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { User } from '../../../shared/auth.ts';
import { roles, type Role } from '../../../shared/domain/role.ts';
import { t } from '../../i18n/i18n.ts';
import { online } from '../../state/connectivity.ts';
import { authToken, needsSignIn, session, sessionLoaded } from '../../state/session.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ensureSessionLoaded } from '../account/session-wiring.ts';
import { hasErrors, newUserErrors, passwordProblem, type NewUserErrors } from './user-form.ts';
import {
  createUser,
  listUsers,
  setUserPassword,
  updateUser,
  type UsersProblem,
  type UsersResult,
} from './users-api.ts';

// Accounts live on the server only (no local copy): this screen needs a network and says so.

function problemText(problem: UsersProblem): string {
  switch (problem.kind) {
    case 'offline':
      return t('users.offline');
    case 'signed-out':
      return t('users.error.signedOut');
    case 'refused':
      // The server's sentence is Dutch and names the exact problem (e-mail taken, last beheerder…).
      return problem.message;
    case 'server-error':
      return t('users.error.server', { status: problem.status });
  }
}

const roleChoices = roles.map((role) => ({ value: role, label: t(`role.${role}`) }));

/** Runs a call with the current token; a refused token asks for sign-in again. */
async function withToken<T>(
  run: (token: string) => Promise<UsersResult<T>>,
): Promise<UsersResult<T>> {
  const token = authToken();
  if (!token) return { ok: false, problem: { kind: 'signed-out' } };
  const result = await run(token);
  if (!result.ok && result.problem.kind === 'signed-out') needsSignIn();
  return result;
}

/**
 * One server call from a form: the busy flag while it runs, and the refusal in words after.
 * `run` answers the result so the caller only handles success.
 */
function useUsersCall() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const run = async <T,>(
    call: (token: string) => Promise<UsersResult<T>>,
  ): Promise<UsersResult<T>> => {
    setBusy(true);
    setError(undefined);
    const result = await withToken(call);
    setBusy(false);
    if (!result.ok) setError(problemText(result.problem));
    return result;
  };
  return { busy, error, setError, run };
}

/** The small form under a user row: its fields, then the save button (busy while saving). */
function PanelForm({
  busy,
  submitLabel,
  onSubmit,
  children,
}: {
  busy: boolean;
  submitLabel: string;
  onSubmit: () => Promise<void>;
  children: ComponentChildren;
}) {
  return (
    <form
      class="user-panel"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
      noValidate
    >
      {children}
      <Button type="submit" disabled={busy}>
        {busy ? t('users.busy') : submitLabel}
      </Button>
    </form>
  );
}

/** Users of the beheerder's own organisation: list, add, rename, change role, disable, reset password. */
export function UsersPage() {
  useEffect(() => {
    void ensureSessionLoaded();
  }, []);
  if (!sessionLoaded.value) return null;
  const current = session.value;
  if (!current || current.user.role !== 'beheerder') {
    return (
      <section class="users-page">
        <h1>{t('users.title')}</h1>
        <Banner tone="info" testId="users-forbidden">
          {t('users.onlyBeheerder')}
        </Banner>
      </section>
    );
  }
  if (!online.value) {
    return (
      <section class="users-page">
        <h1>{t('users.title')}</h1>
        <Banner tone="warn" testId="users-offline">
          {t('users.offline')}
        </Banner>
      </section>
    );
  }
  if (!authToken()) {
    return (
      <section class="users-page">
        <h1>{t('users.title')}</h1>
        <Banner
          tone="warn"
          actions={<ButtonLink href="/account">{t('account.reauth.action')}</ButtonLink>}
        >
          {t('users.error.signedOut')}
        </Banner>
      </section>
    );
  }
  return <UsersManager selfId={current.user.id} />;
}

function UsersManager({ selfId }: { selfId: string }) {
  const [users, setUsers] = useState<User[] | undefined>();
  const [loadProblem, setLoadProblem] = useState<UsersProblem | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  const load = async () => {
    const result = await withToken((token) => listUsers(token));
    if (result.ok) {
      setUsers(result.value);
      setLoadProblem(undefined);
    } else setLoadProblem(result.problem);
  };
  useEffect(() => {
    void load();
  }, []);

  const replace = (user: User) =>
    setUsers((list) => {
      const next = (list ?? []).filter((other) => other.id !== user.id);
      return [...next, user].sort(
        (a, b) =>
          a.displayName.localeCompare(b.displayName, 'nl') || a.email.localeCompare(b.email),
      );
    });

  return (
    <section class="users-page">
      <h1>{t('users.title')}</h1>
      <p class="muted">{t('users.intro')}</p>
      {notice && (
        <Banner tone="ok" testId="users-notice">
          {notice}
        </Banner>
      )}
      {loadProblem && (
        <Banner
          tone="error"
          testId="users-load-error"
          actions={<Button onClick={() => void load()}>{t('users.retry')}</Button>}
        >
          {problemText(loadProblem)}
        </Banner>
      )}
      {users === undefined && !loadProblem && <p class="muted">{t('users.loading')}</p>}
      {users && (
        <ul class="card-list" data-testid="users-list">
          {users.map((user) => (
            <UserRow
              key={user.id}
              user={user}
              isSelf={user.id === selfId}
              onChanged={(next, message) => {
                replace(next);
                setNotice(message);
              }}
              onNotice={setNotice}
            />
          ))}
        </ul>
      )}
      <AddUserForm
        onAdded={(user) => {
          replace(user);
          setNotice(t('users.add.done', { name: user.displayName, email: user.email }));
        }}
      />
    </section>
  );
}

type Panel = 'none' | 'edit' | 'password';

function UserRow({
  user,
  isSelf,
  onChanged,
  onNotice,
}: {
  user: User;
  isSelf: boolean;
  onChanged: (user: User, message: string) => void;
  onNotice: (message: string) => void;
}) {
  const [panel, setPanel] = useState<Panel>('none');
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useUsersCall();

  const toggleDisabled = async () => {
    const result = await run((token) => updateUser(token, user.id, { disabled: !user.disabled }));
    setConfirming(false);
    if (!result.ok) return;
    onChanged(
      result.value,
      t(result.value.disabled ? 'users.disable.done' : 'users.enable.done', {
        name: result.value.displayName,
      }),
    );
  };

  return (
    <li class="card user-card" data-testid="user-row" data-email={user.email}>
      <div class="card-main">
        <strong class="card-title">{user.displayName}</strong>
        <div>{user.email}</div>
        <div class="user-badges">
          <Badge tone="neutral" testId="user-role">
            {t(`role.${user.role}`)}
          </Badge>{' '}
          {user.disabled && (
            <Badge tone="warn" testId="user-disabled">
              {t('users.disabled')}
            </Badge>
          )}
          {isSelf && <Badge tone="info">{t('users.self')}</Badge>}
        </div>
      </div>
      <div class="button-row">
        <Button
          variant="secondary"
          aria-expanded={panel === 'edit'}
          onClick={() => setPanel(panel === 'edit' ? 'none' : 'edit')}
        >
          {t('users.edit')}
        </Button>
        <Button
          variant="secondary"
          aria-expanded={panel === 'password'}
          onClick={() => setPanel(panel === 'password' ? 'none' : 'password')}
        >
          {t('users.password')}
        </Button>
        <Button
          variant={user.disabled ? 'secondary' : 'danger'}
          disabled={busy}
          onClick={() => setConfirming(true)}
        >
          {user.disabled ? t('users.enable') : t('users.disable')}
        </Button>
      </div>
      {error && (
        <div class="user-panel">
          <Banner tone="error" testId="user-error">
            {error}
          </Banner>
        </div>
      )}
      {panel === 'edit' && (
        <EditUser
          user={user}
          onDone={(next) => {
            setPanel('none');
            onChanged(next, t('users.edit.done', { name: next.displayName }));
          }}
        />
      )}
      {panel === 'password' && (
        <SetPassword
          user={user}
          onDone={() => {
            setPanel('none');
            onNotice(t('users.password.done', { name: user.displayName }));
          }}
        />
      )}
      <ConfirmDialog
        open={confirming}
        title={
          user.disabled
            ? t('users.enable.confirm.title', { name: user.displayName })
            : t('users.disable.confirm.title', { name: user.displayName })
        }
        confirmLabel={user.disabled ? t('users.enable') : t('users.disable')}
        cancelLabel={t('users.cancel')}
        busy={busy}
        onConfirm={() => void toggleDisabled()}
        onCancel={() => setConfirming(false)}
      >
        <p>{user.disabled ? t('users.enable.confirm.text') : t('users.disable.confirm.text')}</p>
      </ConfirmDialog>
    </li>
  );
}

function EditUser({ user, onDone }: { user: User; onDone: (user: User) => void }) {
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const { busy, error, setError, run } = useUsersCall();
  const nameError = error === t('users.error.nameMissing') ? error : undefined;

  const submit = async () => {
    if (displayName.trim() === '') return setError(t('users.error.nameMissing'));
    const patch = {
      ...(displayName.trim() !== user.displayName ? { displayName: displayName.trim() } : {}),
      ...(role !== user.role ? { role } : {}),
    };
    if (Object.keys(patch).length === 0) return onDone(user);
    const result = await run((token) => updateUser(token, user.id, patch));
    if (result.ok) onDone(result.value);
  };

  return (
    <PanelForm busy={busy} submitLabel={t('users.edit.save')} onSubmit={submit}>
      {error && !nameError && (
        <Banner tone="error" testId="user-edit-error">
          {error}
        </Banner>
      )}
      <TextField
        id={`user-${user.id}-name`}
        label={t('users.field.name')}
        error={nameError}
        type="text"
        autoComplete="off"
        value={displayName}
        onInput={setDisplayName}
      />
      <ChoiceGroup
        name={`user-${user.id}-role`}
        legend={t('users.field.role')}
        choices={roleChoices}
        value={role}
        onChange={(value) => setRole(value as Role)}
      />
    </PanelForm>
  );
}

function SetPassword({ user, onDone }: { user: User; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useUsersCall();

  const submit = async () => {
    const local = passwordProblem(password);
    if (local) return setError(t(local));
    const result = await run((token) => setUserPassword(token, user.id, password));
    if (result.ok) onDone();
  };

  return (
    <PanelForm busy={busy} submitLabel={t('users.password.save')} onSubmit={submit}>
      <TextField
        id={`user-${user.id}-password`}
        label={t('users.field.newPassword')}
        hint={t('users.field.password.hint')}
        error={error}
        type="password"
        autoComplete="new-password"
        value={password}
        onInput={setPassword}
      />
    </PanelForm>
  );
}

function AddUserForm({ onAdded }: { onAdded: (user: User) => void }) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('inspecteur');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<NewUserErrors>({});
  const { busy, error, setError, run } = useUsersCall();

  const submit = async (event: Event) => {
    event.preventDefault();
    const errors = newUserErrors({ email, displayName, password });
    setFieldErrors(errors);
    setError(undefined);
    if (hasErrors(errors)) return;
    const result = await run((token) =>
      createUser(token, { email: email.trim(), displayName: displayName.trim(), role, password }),
    );
    if (!result.ok) return;
    setEmail('');
    setDisplayName('');
    setPassword('');
    setRole('inspecteur');
    onAdded(result.value);
  };

  const fieldError = (field: keyof NewUserErrors) => {
    const key = fieldErrors[field];
    return key ? t(key) : undefined;
  };
  const emailError = fieldError('email');
  const nameError = fieldError('displayName');
  const passwordError = fieldError('password');

  return (
    <form
      class="users-add"
      aria-labelledby="users-add-title"
      data-testid="users-add"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h2 id="users-add-title">{t('users.add.title')}</h2>
      {error && (
        <Banner tone="error" testId="users-add-error">
          {error}
        </Banner>
      )}
      <TextField
        id="users-add-email"
        label={t('users.field.email')}
        error={emailError}
        type="email"
        autoComplete="off"
        verbatim
        value={email}
        onInput={setEmail}
      />
      <TextField
        id="users-add-name"
        label={t('users.field.name')}
        error={nameError}
        type="text"
        autoComplete="off"
        value={displayName}
        onInput={setDisplayName}
      />
      <ChoiceGroup
        name="users-add-role"
        legend={t('users.field.role')}
        choices={roleChoices}
        value={role}
        onChange={(value) => setRole(value as Role)}
      />
      <TextField
        id="users-add-password"
        label={t('users.field.password')}
        hint={t('users.field.password.hint')}
        error={passwordError}
        type="password"
        autoComplete="new-password"
        value={password}
        onInput={setPassword}
      />
      <Button type="submit" disabled={busy}>
        {busy ? t('users.busy') : t('users.add.submit')}
      </Button>
    </form>
  );
}
