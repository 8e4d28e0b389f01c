// Startup wiring only: adapters in, signals tracking, render.
import { render } from 'preact';
import { App } from './App.tsx';
import { locale, setLocale } from './i18n/i18n.ts';
import { browserConnectivity } from './platform/connectivity.ts';
import { browserServiceWorkerUpdates } from './platform/sw-update.ts';
import { watchForUpdates } from './state/app-update.ts';
import { trackConnectivity } from './state/connectivity.ts';
import './styles.css';

setLocale(locale.value);
trackConnectivity(browserConnectivity);
if (import.meta.env.PROD) watchForUpdates(browserServiceWorkerUpdates());

const root = document.getElementById('app');
if (root) render(<App />, root);
