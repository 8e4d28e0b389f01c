// The message catalogue: every UI text lives here, Dutch first, English alongside.
// Dutch is the source of truth: its keys define the catalogue, English must provide every key.
export const nl = {
  'app.name': 'Schouw',
  'app.tagline': 'Inspecties voor woningcorporaties',
  'nav.home': 'Mijn planning',
  'nav.portfolio': 'Portefeuille',
  'nav.settings': 'Instellingen',
  'nav.main': 'Hoofdmenu',
  'status.online': 'Online',
  'status.offline': 'Offline',
  'status.pending': '{count} wijzigingen wachten op verzending',
  'status.pending.none': 'Alles verzonden',
  'update.available': 'Nieuwe versie beschikbaar',
  'update.explain': 'Uw werk blijft bewaard. Laad de nieuwe versie wanneer het u uitkomt.',
  'update.accept': 'Nu bijwerken',
  'update.later': 'Later',
  'home.title': 'Mijn planning',
  'home.empty': 'Er staan nog geen inspecties voor u gepland.',
  'home.offlineReady':
    'Schouw werkt ook zonder netwerk: alles wat u invoert wordt op dit apparaat bewaard.',
  'portfolio.title': 'Portefeuille',
  'portfolio.empty': 'Nog geen complexen op dit apparaat.',
  'settings.title': 'Instellingen',
  'settings.language': 'Taal',
  'settings.language.nl': 'Nederlands',
  'settings.language.en': 'English',
  'notFound.title': 'Pagina niet gevonden',
  'notFound.back': 'Naar mijn planning',
} as const;

export type MessageKey = keyof typeof nl;
export type Catalogue = Record<MessageKey, string>;

export const en: Catalogue = {
  'app.name': 'Schouw',
  'app.tagline': 'Inspections for housing corporations',
  'nav.home': 'My schedule',
  'nav.portfolio': 'Portfolio',
  'nav.settings': 'Settings',
  'nav.main': 'Main menu',
  'status.online': 'Online',
  'status.offline': 'Offline',
  'status.pending': '{count} changes waiting to be sent',
  'status.pending.none': 'Everything sent',
  'update.available': 'New version available',
  'update.explain': 'Your work is kept. Load the new version when it suits you.',
  'update.accept': 'Update now',
  'update.later': 'Later',
  'home.title': 'My schedule',
  'home.empty': 'No inspections are scheduled for you yet.',
  'home.offlineReady':
    'Schouw also works without a network: everything you enter is kept on this device.',
  'portfolio.title': 'Portfolio',
  'portfolio.empty': 'No complexes on this device yet.',
  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.language.nl': 'Nederlands',
  'settings.language.en': 'English',
  'notFound.title': 'Page not found',
  'notFound.back': 'To my schedule',
};

export const catalogues = { nl, en } as const satisfies Record<string, Catalogue>;
export type Locale = keyof typeof catalogues;
