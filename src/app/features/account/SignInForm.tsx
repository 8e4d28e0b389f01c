import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { online } from '../../state/connectivity.ts';
import { acceptSignIn, session } from '../../state/session.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { requestSignIn, requestSignOut, type SignInOutcome } from './auth-api.ts';

type FormError = { field?: 'email' | 'password'; text: string };

export function outcomeText(outcome: Exclude<SignInOutcome, { kind: 'ok' }>): string {
  switch (outcome.kind) {
    case 'invalid-credentials':
      return t('account.error.invalidCredentials');
    case 'invalid-setup-code':
      return t('account.setupCode.invalid');
    case 'organisation-required':
      return t('account.error.organisationRequired');
    case 'account-disabled':
      return t('account.error.disabled');
    case 'rate-limited':
      return t('account.error.rateLimited', {
        minutes: Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60)),
      });
    case 'offline':
      return t('account.error.offline');
    case 'invalid-input':
      // The server's sentence is Dutch and says which field; better than a generic text.
      return outcome.message || t('account.error.invalidCredentials');
    case 'server-error':
      return t('account.error.server', { status: outcome.status });
  }
}

/**
 * Makes a new server session this device's, or says (Dutch text) why not: another user's work
 * is still on the device. The session just opened is then ended rather than left live.
 */
export async function adoptSession(
  opened: Extract<SignInOutcome, { kind: 'ok' }>['session'],
): Promise<string | undefined> {
  const accepted = await acceptSignIn(opened);
  if (accepted.ok) return undefined;
  void requestSignOut(opened.token).catch(() => undefined);
  return t('account.error.otherUser', { name: accepted.previous.displayName });
}

/** E-mail and password (organisation code only when needed), with big fields for a tablet. */
export function SignInForm() {
  const previous = session.value;
  const [organisation, setOrganisation] = useState(previous?.user.organisationSlug ?? '');
  const [email, setEmail] = useState(previous?.user.email ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | undefined>();
  const offline = !online.value;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (email.trim() === '')
      return setError({ field: 'email', text: t('account.error.emailMissing') });
    if (password === '')
      return setError({ field: 'password', text: t('account.error.passwordMissing') });
    setBusy(true);
    setError(undefined);
    try {
      const outcome = await requestSignIn({ organisation, email, password });
      if (outcome.kind !== 'ok') {
        setError({ text: outcomeText(outcome) });
        return;
      }
      const refused = await adoptSession(outcome.session);
      if (refused) {
        setError({ text: refused });
        return;
      }
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const emailError = error?.field === 'email' ? error.text : undefined;
  const passwordError = error?.field === 'password' ? error.text : undefined;
  const formError = error && !error.field ? error.text : undefined;

  return (
    <form class="sign-in-form" onSubmit={(event) => void submit(event)} noValidate>
      <p class="muted">{t('account.signIn.intro')}</p>
      {offline && (
        <Banner tone="warn" testId="sign-in-offline">
          {t('account.error.offline')}
        </Banner>
      )}
      {formError && (
        <Banner tone="error" testId="sign-in-error">
          {formError}
        </Banner>
      )}
      <TextField
        id="sign-in-email"
        label={t('account.field.email')}
        error={emailError}
        type="email"
        autoComplete="username"
        verbatim
        value={email}
        onInput={setEmail}
      />
      <TextField
        id="sign-in-password"
        label={t('account.field.password')}
        error={passwordError}
        type="password"
        autoComplete="current-password"
        value={password}
        onInput={setPassword}
      />
      <TextField
        id="sign-in-organisation"
        label={t('account.field.organisation')}
        hint={t('account.field.organisation.hint')}
        type="text"
        autoComplete="organization"
        verbatim
        value={organisation}
        onInput={setOrganisation}
      />
      <Button type="submit" disabled={busy || offline}>
        {busy ? t('account.signIn.busy') : t('account.signIn.submit')}
      </Button>
    </form>
  );
}
