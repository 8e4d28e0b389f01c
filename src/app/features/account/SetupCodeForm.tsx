import { useState } from 'preact/hooks';
import { PASSWORD_MIN_LENGTH } from '../../../shared/auth.ts';
import { t } from '../../i18n/i18n.ts';
import { online } from '../../state/connectivity.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { requestSetupCodeSignIn } from './auth-api.ts';
import { adoptSession, outcomeText } from './SignInForm.tsx';

type Field = 'email' | 'code' | 'password' | 'repeat';
type FormError = { field?: Field; text: string };

/**
 * "Ik heb een eenmalige code": the first beheerder of a new organisation (or someone whose
 * password was reset) types the code from `npm run admin`, chooses a password and is signed in.
 */
export function SetupCodeForm() {
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | undefined>();
  const offline = !online.value;

  const check = (): FormError | undefined => {
    if (email.trim() === '') return { field: 'email', text: t('account.error.emailMissing') };
    if (code.trim() === '') return { field: 'code', text: t('account.setupCode.codeMissing') };
    if (password.length < PASSWORD_MIN_LENGTH) {
      return {
        field: 'password',
        text: t('account.setupCode.tooShort', { min: PASSWORD_MIN_LENGTH }),
      };
    }
    if (repeat !== password) return { field: 'repeat', text: t('account.setupCode.mismatch') };
    return undefined;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const problem = check();
    if (problem) return setError(problem);
    setBusy(true);
    setError(undefined);
    try {
      const outcome = await requestSetupCodeSignIn({ organisation, email, code, password });
      if (outcome.kind !== 'ok') {
        setError({ text: outcomeText(outcome) });
        return;
      }
      const refused = await adoptSession(outcome.session);
      if (refused) setError({ text: refused });
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: Field) => (error?.field === field ? error.text : undefined);
  const formError = error && !error.field ? error.text : undefined;

  return (
    <form class="sign-in-form" onSubmit={(event) => void submit(event)} noValidate>
      <p class="muted">{t('account.setupCode.intro')}</p>
      {offline && (
        <Banner tone="warn" testId="sign-in-offline">
          {t('account.error.offline')}
        </Banner>
      )}
      {formError && (
        <Banner tone="error" testId="setup-code-error">
          {formError}
        </Banner>
      )}
      <TextField
        id="setup-email"
        label={t('account.field.email')}
        error={fieldError('email')}
        type="email"
        autoComplete="username"
        verbatim
        value={email}
        onInput={setEmail}
      />
      <TextField
        id="setup-code"
        label={t('account.setupCode.code')}
        hint={t('account.setupCode.code.hint')}
        error={fieldError('code')}
        type="text"
        autoComplete="one-time-code"
        verbatim
        value={code}
        onInput={setCode}
      />
      <TextField
        id="setup-password"
        label={t('account.setupCode.password')}
        hint={t('account.setupCode.tooShort', { min: PASSWORD_MIN_LENGTH })}
        error={fieldError('password')}
        type="password"
        autoComplete="new-password"
        value={password}
        onInput={setPassword}
      />
      <TextField
        id="setup-repeat"
        label={t('account.setupCode.repeat')}
        error={fieldError('repeat')}
        type="password"
        autoComplete="new-password"
        value={repeat}
        onInput={setRepeat}
      />
      <TextField
        id="setup-organisation"
        label={t('account.field.organisation')}
        hint={t('account.field.organisation.hint')}
        type="text"
        autoComplete="organization"
        verbatim
        value={organisation}
        onInput={setOrganisation}
      />
      <Button type="submit" disabled={busy || offline}>
        {busy ? t('account.signIn.busy') : t('account.setupCode.submit')}
      </Button>
    </form>
  );
}
