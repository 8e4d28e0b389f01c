import { useEffect, useState } from 'preact/hooks';
import {
  ORGANISATION_LOGO_MAX_BYTES,
  type OrganisationLogo,
  type OrganisationProfile,
} from '../../../shared/organisation.ts';
import { t } from '../../i18n/i18n.ts';
import {
  fetchOrganisationProfile,
  keptOrganisationProfile,
  saveOrganisationProfile,
} from '../../platform/organisation-profile.ts';
import { online } from '../../state/connectivity.ts';
import { authToken, session } from '../../state/session.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';

type SaveState =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved' } | { kind: 'error'; text: string };

const KB = ORGANISATION_LOGO_MAX_BYTES / 1024;

function readLogo(file: File): Promise<OrganisationLogo | string> {
  if (file.type !== 'image/png' && file.type !== 'image/jpeg') {
    return Promise.resolve(t('settings.organisation.logo.wrongType'));
  }
  if (file.size > ORGANISATION_LOGO_MAX_BYTES) {
    return Promise.resolve(t('settings.organisation.logo.tooLarge', { kb: KB }));
  }
  const mediaType = file.type;
  return file.arrayBuffer().then((buffer) => {
    let binary = '';
    for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
    return { mediaType, base64: btoa(binary) };
  });
}

/** The beheerder's organisation name and report logo (checked again by the server). */
export function OrganisationSection() {
  const user = session.value?.user;
  const [profile, setProfile] = useState<OrganisationProfile | undefined>();
  const [name, setName] = useState('');
  const [logo, setLogo] = useState<OrganisationLogo | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  useEffect(() => {
    if (!user) return;
    const show = (value: OrganisationProfile) => {
      setProfile(value);
      setName(value.name);
      setLogo(value.logo);
    };
    void keptOrganisationProfile(user.organisationId).then((kept) => kept && show(kept));
    const token = authToken();
    if (token !== undefined) {
      void fetchOrganisationProfile(token).then((result) => result.ok && show(result.value));
    }
  }, [user?.organisationId]);

  if (user?.role !== 'beheerder') return null;

  const choose = async (file: File | undefined) => {
    if (!file) return;
    const read = await readLogo(file);
    if (typeof read === 'string') setState({ kind: 'error', text: read });
    else {
      setLogo(read);
      setState({ kind: 'idle' });
    }
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const token = authToken();
    if (token === undefined) return;
    setState({ kind: 'busy' });
    const result = await saveOrganisationProfile(token, { name, logo });
    if (result.ok) {
      setProfile(result.value);
      setState({ kind: 'saved' });
    } else {
      setState({
        kind: 'error',
        text:
          result.kind === 'offline'
            ? t('settings.organisation.offline')
            : t('settings.organisation.refused', { message: result.message ?? '' }),
      });
    }
  };

  return (
    <section class="settings-section" aria-labelledby="organisation-title">
      <h2 id="organisation-title">{t('settings.organisation')}</h2>
      <p class="muted">{t('settings.organisation.intro')}</p>
      {state.kind === 'saved' && (
        <Banner tone="ok" testId="organisation-saved">
          {t('settings.organisation.saved')}
        </Banner>
      )}
      {state.kind === 'error' && (
        <Banner tone="error" testId="organisation-error">
          {state.text}
        </Banner>
      )}
      <form onSubmit={(event) => void save(event)} noValidate>
        <TextField
          id="organisation-name"
          label={t('settings.organisation.name')}
          type="text"
          autoComplete="organization"
          value={name}
          onInput={setName}
        />
        <p>
          {logo ? t('settings.organisation.logo.current') : t('settings.organisation.logo.none')}
        </p>
        {logo && (
          <img
            class="organisation-logo"
            src={`data:${logo.mediaType};base64,${logo.base64}`}
            alt={t('settings.organisation.logo.current')}
            height={48}
          />
        )}
        <label class="field" for="organisation-logo">
          {t('settings.organisation.logo', { kb: KB })}
          <input
            id="organisation-logo"
            type="file"
            accept="image/png,image/jpeg"
            onChange={(event) => void choose(event.currentTarget.files?.[0])}
          />
        </label>
        {logo && (
          <Button variant="secondary" type="button" onClick={() => setLogo(null)}>
            {t('settings.organisation.logo.remove')}
          </Button>
        )}
        <Button type="submit" disabled={state.kind === 'busy' || !online.value || !profile}>
          {state.kind === 'busy'
            ? t('settings.organisation.saving')
            : t('settings.organisation.save')}
        </Button>
        {!online.value && <p class="muted">{t('settings.organisation.offline')}</p>}
      </form>
    </section>
  );
}
