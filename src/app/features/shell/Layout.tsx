import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { session } from '../../state/session.ts';
import { DemoBanner } from './DemoBanner.tsx';
import { DurabilityBanner } from './DurabilityBanner.tsx';
import { StatusBar } from './StatusBar.tsx';
import { UpdateBanner } from './UpdateBanner.tsx';

const navItems: { href: string; label: MessageKey; match: (path: string) => boolean }[] = [
  {
    href: '/',
    label: 'nav.home',
    match: (path) => path === '/' || path.startsWith('/inspecties/'),
  },
  {
    href: '/portefeuille',
    label: 'nav.portfolio',
    match: (path) =>
      ['/portefeuille', '/complexen/', '/panden/', '/woningen/'].some((prefix) =>
        path.startsWith(prefix),
      ),
  },
  { href: '/acties', label: 'nav.actions', match: (path) => path.startsWith('/acties') },
  { href: '/instellingen', label: 'nav.settings', match: (path) => path === '/instellingen' },
  { href: '/account', label: 'nav.account', match: (path) => path === '/account' },
];

// Only a beheerder manages accounts; the server refuses everyone else anyway.
const usersNavItem = {
  href: '/gebruikers',
  label: 'nav.users',
  match: (path: string) => path === '/gebruikers',
} satisfies (typeof navItems)[number];

// Imports (portfolio, EP-online, BAG) are the beheerder's; the server refuses everyone else.
const importsNavItem = {
  href: '/import',
  label: 'nav.imports',
  match: (path: string) => path === '/import',
} satisfies (typeof navItems)[number];

// The portfolio overview is for beheer and management (duurzaamheid steers the EFG plan); the
// screen itself only reads what the device already holds, so the route is not locked.
const overviewNavItem = {
  href: '/overzicht',
  label: 'overview.nav',
  match: (path: string) => path === '/overzicht',
} satisfies (typeof navItems)[number];
const overviewRoles: readonly string[] = ['beheerder', 'duurzaamheid'];

// Team veiligheid's workspace: round schedules and open fire-safety actions.
const fireSafetyNavItem = {
  href: '/brandveiligheid',
  label: 'nav.fireSafety',
  match: (path: string) => path.startsWith('/brandveiligheid'),
} satisfies (typeof navItems)[number];
const fireSafetyRoles: readonly string[] = ['veiligheid', 'beheerder'];

// The sustainability team's EFG workspace (the screen reads what the device holds; changing a
// status is checked again by the store and the server).
const efgNavItem = {
  href: '/efg',
  label: 'nav.efg',
  match: (path: string) => path === '/efg',
} satisfies (typeof navItems)[number];
const efgRoles: readonly string[] = ['duurzaamheid', 'beheerder'];

export function Layout({ children }: { children: ComponentChildren }) {
  const { path } = useLocation();
  const role = session.value?.user.role;
  const baseItems =
    role !== undefined && overviewRoles.includes(role) ? [...navItems, overviewNavItem] : navItems;
  const withFireSafety =
    role !== undefined && fireSafetyRoles.includes(role)
      ? [...baseItems, fireSafetyNavItem]
      : baseItems;
  const withEfg =
    role !== undefined && efgRoles.includes(role)
      ? [...withFireSafety, efgNavItem]
      : withFireSafety;
  const items = role === 'beheerder' ? [...withEfg, usersNavItem, importsNavItem] : withEfg;
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header class="shell-header">
        <a class="brand" href="/">
          {t('app.name')}
        </a>
        <StatusBar />
      </header>
      <UpdateBanner />
      <DemoBanner />
      <nav class="shell-nav" aria-label={t('nav.main')}>
        {items.map((item) => {
          const exact = path === item.href;
          return (
            <a
              key={item.href}
              href={item.href}
              class={item.match(path) ? 'nav-link is-active' : 'nav-link'}
              aria-current={exact ? 'page' : undefined}
            >
              {t(item.label)}
            </a>
          );
        })}
      </nav>
      <main class="shell-main" id="main" tabIndex={-1}>
        <DurabilityBanner />
        {children}
      </main>
    </div>
  );
}
