import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { session } from '../../state/session.ts';
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

export function Layout({ children }: { children: ComponentChildren }) {
  const { path } = useLocation();
  const items = session.value?.user.role === 'beheerder' ? [...navItems, usersNavItem] : navItems;
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
