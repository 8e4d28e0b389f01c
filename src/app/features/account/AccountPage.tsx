import { useEffect, useState } from 'preact/hooks';
import { getAppStore } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { downloadTextFile } from '../../platform/file-download.ts';
import { markBackupMade } from '../../state/durability.ts';
import { session, sessionLoaded, signInNeeded } from '../../state/session.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorLine } from '../common/errors.ts';
import { formatDateTime, todayIso } from '../common/format.ts';
import { ensureSessionLoaded } from './session-wiring.ts';
import { signOutHere } from './sign-out.ts';
import { SetupCodeForm } from './SetupCodeForm.tsx';
import { SignInForm } from './SignInForm.tsx';

type SignOutState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'backup-required'; pending: number }
  | { kind: 'backup-made'; fileName: string }
  | { kind: 'signed-out' }
  | { kind: 'failed'; error: unknown };

/** Sign in, see who is signed in, and sign out safely on a shared tablet. */
export function AccountPage() {
  const [state, setState] = useState<SignOutState>({ kind: 'idle' });
  const [withCode, setWithCode] = useState(false);
  useEffect(() => {
    void ensureSessionLoaded();
  }, []);
  const current = session.value;
  // The form pre-fills from the kept session, so it waits until that has been read.
  if (!sessionLoaded.value) return null;

  const trySignOut = async (backupExported: boolean) => {
    setState({ kind: 'busy' });
    try {
      const result = await signOutHere(backupExported);
      setState(result.kind === 'signed-out' ? { kind: 'signed-out' } : result);
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };

  const exportBackup = async () => {
    setState({ kind: 'busy' });
    try {
      const text = await getAppStore().backup.exportBackup();
      const fileName = `schouw-backup-${todayIso()}.json`;
      downloadTextFile(fileName, text);
      markBackupMade();
      setState({ kind: 'backup-made', fileName });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };

  return (
    <section class="account-page">
      <h1>{current && !signInNeeded.value ? t('account.title') : t('account.signIn.title')}</h1>
      {state.kind === 'signed-out' && !current && (
        <Banner tone="ok">{t('account.signOut.done')}</Banner>
      )}
      {current ? (
        <p data-testid="signed-in-as">
          {t('account.signedInAs', {
            name: current.user.displayName,
            role: t(`role.${current.user.role}`),
            organisation: current.user.organisationName,
          })}{' '}
          {!signInNeeded.value &&
            t('account.expiresAt', { time: formatDateTime(current.expiresAt) })}
        </p>
      ) : (
        state.kind !== 'signed-out' && <p class="muted">{t('account.notSignedIn')}</p>
      )}
      {(!current || signInNeeded.value) && (
        <>
          {withCode ? <SetupCodeForm /> : <SignInForm />}
          <Button variant="secondary" onClick={() => setWithCode(!withCode)}>
            {withCode ? t('account.setupCode.back') : t('account.setupCode.open')}
          </Button>
        </>
      )}
      {current && (
        <div class="account-sign-out">
          {state.kind === 'backup-required' && (
            <Banner
              tone="warn"
              testId="sign-out-backup-required"
              actions={
                <Button onClick={() => void exportBackup()}>
                  {t('account.signOut.exportBackup')}
                </Button>
              }
            >
              {t('account.signOut.backupRequired', { count: state.pending })}
            </Banner>
          )}
          {state.kind === 'backup-made' && (
            <Banner tone="ok">
              {t('account.signOut.backupMade', { fileName: state.fileName })}
            </Banner>
          )}
          {state.kind === 'failed' && <Banner tone="error">{errorLine(state.error)}</Banner>}
          <Button
            variant="secondary"
            disabled={state.kind === 'busy'}
            onClick={() => void trySignOut(state.kind === 'backup-made')}
          >
            {state.kind === 'busy' ? t('account.signOut.busy') : t('account.signOut')}
          </Button>
        </div>
      )}
    </section>
  );
}
