import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { StatusBar } from './StatusBar.tsx';
import { UpdateBanner } from './UpdateBanner.tsx';

const navItems: { href: string; label: MessageKey }[] = [
  { href: '/', label: 'nav.home' },
  { href: '/portefeuille', label: 'nav.portfolio' },
  { href: '/instellingen', label: 'nav.settings' },
];

export function Layout({ children }: { children: ComponentChildren }) {
  const { path } = useLocation();
  return (
    <div class="shell">
      <header class="shell-header">
        <a class="brand" href="/">
          {t('app.name')}
        </a>
        <StatusBar />
      </header>
      <UpdateBanner />
      <nav class="shell-nav" aria-label={t('nav.main')}>
        {navItems.map((item) => (
          <a
            key={item.href}
            href={item.href}
            class="nav-link"
            aria-current={path === item.href ? 'page' : undefined}
          >
            {t(item.label)}
          </a>
        ))}
      </nav>
      <main class="shell-main" id="main">
        {children}
      </main>
    </div>
  );
}
